"""Paired bootstrap over the test articles (fresh31 + fresh32): the neural tagger's
3-seed ensembles (pred_r0_s{1,2,3}.json, pred_r1_s{1,2,3}.json from train.py) against
the CRF, retrained here on the dumped training articles with news_crf.py's features and
parameters (crf: without the rules' tags, both: with them, union0.9: the rules plus the
hybrid's sure names). Prints every reader's scores, then for each pair and for partners
and places the F1 difference, its 95% interval over 2000 resamples of the articles and the
share of resamples where it is <= 0.

    .venv/bin/python bench/news_neural/bootstrap.py [--work DIR]

Runs with the product's .venv (Python 3.12+, Django, python-crfsuite, numpy). Reads
DIR/train.json, DIR/test.json and the six prediction files; writes the two CRF models
(crf_crf.crfsuite, crf_both.crfsuite) there too. DIR defaults to /tmp/news_neural.
"""

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "news_neural"))  # score.py

import news_crf as nc  # noqa: E402  (sets up Django)
import score as S  # noqa: E402

from doingoai.core.text import fold  # noqa: E402

PAIRS = (
    ("r0_ens", "crf"),
    ("r1_ens", "both"),
    ("r0_ens_union0.9", "union0.9"),
    ("r1_ens_union0.9", "union0.9"),
    ("r1_ens_union0.7", "union0.9"),
)


def counts(arts, o, idx, f):
    """F1 of field f for the outputs o over the articles idx (with repeats)"""
    tp = p = e = 0
    for i in idx:
        P = {fold(x) for x in o[i][f] if x}
        E = {fold(x) for x in arts[i]["label"].get(f) or [] if x}
        tp += len(P & E)
        p += len(P)
        e += len(E)
    pr = tp / p if p else 1
    rc = tp / e if e else 1
    return 2 * pr * rc / (pr + rc) if pr + rc else 0


def readers(work, train, arts, rules):
    """every reader's output on the test articles, by name"""
    out = {}
    for mode, wr in (("crf", False), ("both", True)):
        nc.train(train, wr, str(work / f"crf_{mode}.crfsuite"))
        out[mode] = nc.predict(arts, wr, str(work / f"crf_{mode}.crfsuite"))
    sure = nc.predict(arts, True, str(work / "crf_both.crfsuite"), sure=0.9)
    out["union0.9"] = S.union(rules, sure)
    for v in ("r0", "r1"):
        preds, _ = S.ensemble(arts, [work / f"pred_{v}_s{s}.json" for s in (1, 2, 3)])
        out[f"{v}_ens"] = S.read(arts, preds)
        out[f"{v}_ens_union0.9"] = S.union(rules, S.read(arts, preds, 0.9))
        out[f"{v}_ens_union0.7"] = S.union(rules, S.read(arts, preds, 0.7))
    out["rules"] = rules
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", default="/tmp/news_neural", help="holds the dumps, predictions")
    work = Path(ap.parse_args().work)
    train = json.loads((work / "train.json").read_text())
    for a in train:
        a["toks"] = [tuple(t) for t in a["toks"]]
    arts = S.load_test(work)
    rules = [x["rules_out"] for x in arts]
    S.header(arts, rules)
    out = readers(work, train, arts, rules)
    for k, v in out.items():
        S.row(arts, k, v)

    rng = random.Random(0)
    n = len(arts)
    for a_, b_ in PAIRS:
        for f in ("partners", "places"):
            d0 = counts(arts, out[a_], range(n), f) - counts(arts, out[b_], range(n), f)
            ds = []
            for _ in range(2000):
                idx = [rng.randrange(n) for _ in range(n)]
                ds.append(counts(arts, out[a_], idx, f) - counts(arts, out[b_], idx, f))
            ds.sort()
            below = sum(d <= 0 for d in ds) / len(ds)
            print(
                f"{a_} - {b_} [{f}]: {d0:+.3f}  95% CI [{ds[50]:+.3f}, {ds[1949]:+.3f}]"
                f"  P(diff<=0)={below:.2f}"
            )


if __name__ == "__main__":
    main()
