"""Score the neural tagger's predictions on the test parts (fresh31 + fresh32) with the
product's own ``doingoai.news.model.names`` and ``news_crf.score``: per field precision,
recall and F1 over sets of folded names.

    .venv/bin/python bench/news_neural/score.py [--work DIR] NAME=PRED [NAME=PRED ...]

PRED is a prediction file of train.py (relative paths are taken in --work, default
/tmp/news_neural), or several joined by '+' for an ensemble: their probability matrices
averaged, then decoded by a BIO-constrained Viterbi. For each NAME it prints the tagger
alone, NAME_unionT (the rules' names plus the tagger's names whose every token has
probability >= T, T = 0.5, 0.7, 0.9) and NAME_fill (the tagger's names only for a field the
rules left empty). Runs with the product's .venv (Python 3.12+, Django, numpy); needs
DIR/test.json from dump.py. bootstrap.py imports it.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import news_crf as nc  # noqa: E402  (sets up Django)

from doingoai.core.text import fold  # noqa: E402
from doingoai.news import model as crf  # noqa: E402


def load_test(work):
    arts = json.loads((Path(work) / "test.json").read_text())
    for a in arts:
        a["toks"] = [tuple(t) for t in a["toks"]]
    return arts


def read(arts, preds, sure=0.0):
    """the names in each article's predicted tags (with sure: only the sure ones)"""
    out = []
    for a, p in zip(arts, preds, strict=True):
        assert p["id"] == a["id"]
        f = crf.names(a["text"], a["toks"], p["tags"], lambda k, tag, p=p: p["probs"][k], sure)
        out.append({k: [n for n, _, _ in v] for k, v in f.items()})
    return out


def union(rules, sure):
    return [
        {f: r[f] + [n for n in b[f] if fold(n) not in {fold(x) for x in r[f]}] for f in nc.FIELDS}
        for r, b in zip(rules, sure, strict=True)
    ]


def row(arts, name, outs):
    rep = nc.score(arts, outs)
    print(f"{name:<22}" + "".join(f"{'/'.join(f'{x:.3f}' for x in rep[f]):>24}" for f in nc.FIELDS))


def header(arts, rules):
    print(f"{len(arts)} test articles")
    print(f"{'reader':<22}" + "".join(f"{f + ' P/R/F1':>24}" for f in nc.FIELDS))
    row(arts, "rules", rules)


def viterbi(P, tags):
    """BIO-constrained Viterbi over log of (averaged) probabilities."""
    lp = np.log(np.maximum(P, 1e-9))
    n, T = lp.shape
    trans = np.zeros((T, T))
    start = np.zeros(T)
    for j, t in enumerate(tags):
        if t.startswith("I-"):
            start[j] = -1e9
            for i, pt in enumerate(tags):
                if pt == "O" or pt[2:] != t[2:]:
                    trans[i, j] = -1e9
    sc = start + lp[0]
    back = []
    for k in range(1, n):
        cand = sc[:, None] + trans
        back.append(cand.argmax(0))
        sc = cand.max(0) + lp[k]
    path = [int(sc.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return path[::-1]


def ensemble(arts, paths):
    """(per-article predictions, the first file's data); one path: its own predictions"""
    ds = [json.loads(Path(p).read_text()) for p in paths]
    if len(ds) == 1:
        return ds[0]["preds"], ds[0]
    tags = ds[0]["tagset"]
    out = []
    for k in range(len(arts)):
        if not ds[0]["preds"][k]["P"]:
            out.append({"id": arts[k]["id"], "tags": [], "probs": []})
            continue
        P = np.mean([np.array(d["preds"][k]["P"]) for d in ds], 0)
        path = viterbi(P, tags)
        out.append(
            {
                "id": arts[k]["id"],
                "tags": [tags[j] for j in path],
                "probs": [float(P[i, j]) for i, j in enumerate(path)],
            }
        )
    return out, ds[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("specs", nargs="*", metavar="NAME=PRED[+PRED...]")
    ap.add_argument("--work", default="/tmp/news_neural", help="holds test.json, predictions")
    a = ap.parse_args()
    work = Path(a.work)
    arts = load_test(work)
    rules = [x["rules_out"] for x in arts]
    header(arts, rules)
    for spec in a.specs:
        name, path = spec.split("=")
        preds, _ = ensemble(arts, [work / p for p in path.split("+")])
        row(arts, name, read(arts, preds))
        for t in (0.5, 0.7, 0.9):
            row(arts, f"{name}_union{t}", union(rules, read(arts, preds, t)))
        fill = [
            {f: (r[f] if r[f] else b[f]) for f in nc.FIELDS}
            for r, b in zip(rules, read(arts, preds), strict=True)
        ]
        row(arts, f"{name}_fill", fill)


if __name__ == "__main__":
    main()
