"""The product's side of finetune.py (run with the product's venv).

    .venv/bin/python bench/news_e5/finetune_score.py dump ARTS.pkl
    .venv/bin/python bench/news_e5/finetune_score.py score ARTS.pkl PREDS.pkl

``dump`` reads every labelled part as bench/news_crf.py does (tokens, the rules' and the
gazetteer's tags, the gold tags from the labels, the rules' names) into a pickle of plain
values. ``score`` turns the tagger's token probabilities into names as the product turns the
CRF's (``doingoai.news.model.names``: every token's probability at least the threshold) and
scores, per group of parts, the rules alone, the rules with the shipped CRF (at
``model.SURE``), the tagger alone and the rules with the tagger's sure names: set F1 over
folded names, as bench/news_crf.py.
"""

from __future__ import annotations

import pickle
import sys
from multiprocessing import Pool
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import news_crf as nc  # noqa: E402  (sets Django up)

from doingoai.news import model as crf  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "news" / "corpus"
#: the columns of finetune.py's probabilities (its own TAGS, from the product's fields)
TAGS = ["O", *(f"{bi}-{field}" for field in crf.TAGGED for bi in "BI")]
SHIPPED = Path(crf.__file__).resolve().parent / "data" / "news_crf.crfsuite"


def _one(job):
    part, source, label = job
    art = nc._article(source, label)
    art.update(part=part, stem=source.stem)
    return art


def dump(out: str) -> None:
    jobs = [
        (part.name, s, lab)
        for part in sorted(p for p in CORPUS.iterdir() if p.is_dir())
        for s, lab in nc.load_corpus(str(part))
    ]
    arts = []
    with Pool(2) as pool:
        for n, art in enumerate(pool.imap(_one, jobs, chunksize=8), 1):
            arts.append(art)
            if n % 200 == 0 or n == len(jobs):
                print(f"read {n}/{len(jobs)}", file=sys.stderr, flush=True)
    Path(out).write_bytes(pickle.dumps(arts))


def _allowed(a: str, b: str) -> bool:
    """May tag ``b`` follow tag ``a``? ("I-x" only after "B-x" or "I-x")."""
    return not b.startswith("I-") or (a != "O" and a[2:] == b[2:])


def viterbi(probs: np.ndarray) -> list[str]:
    """The likeliest tag sequence that is valid BIO, from the token probabilities (a tag
    taken token by token breaks names: "Tòa án tối cao" read as "Tòa" and "cao ...")."""
    logp = np.log(np.maximum(probs, 1e-12))
    n, k = logp.shape
    if not n:
        return []
    ok = np.array([[_allowed(a, b) for b in TAGS] for a in TAGS])
    trans = np.where(ok, 0.0, -1e9)
    start = np.array([0.0 if not t.startswith("I-") else -1e9 for t in TAGS])
    score, back = start + logp[0], np.zeros((n, k), dtype=int)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(0)
        score = cand.max(0) + logp[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return [TAGS[t] for t in reversed(path)]


def tagger_names(art, probs, sure: float) -> dict:
    tags = viterbi(probs)

    def marginal(k, tag):  # the field's probability at the token, B- and I- together
        field = tag[2:]
        return float(probs[k, TAGS.index("B-" + field)] + probs[k, TAGS.index("I-" + field)])

    found = crf.names(art["text"], art["toks"], tags, marginal, sure)
    return {f: [n for n, _, _ in found[f]] for f in crf.TAGGED}


def group_of(part: str) -> str:
    n = 0 if part in ("tune", "holdout", "fresh") else int(part.removeprefix("fresh"))
    return "fresh30-fresh42" if 30 <= n <= 42 else part


def score(arts_path: str, preds_path: str) -> None:
    preds = pickle.loads(Path(preds_path).read_bytes())
    groups: dict[str, list] = {}
    for art in pickle.loads(Path(arts_path).read_bytes()):
        if (art["part"], art["stem"]) in preds:
            groups.setdefault(group_of(art["part"]), []).append(art)
    for name, arts in sorted(groups.items()):
        probs = [preds[(a["part"], a["stem"])] for a in arts]
        rules = [a["rules_out"] for a in arts]
        shipped = [
            nc.union(r, c)
            for r, c in zip(rules, nc.predict(arts, True, str(SHIPPED), sure=crf.SURE), strict=True)
        ]
        rows = {"rules": rules, f"rules + CRF {crf.SURE}": shipped}
        rows["tagger alone"] = [tagger_names(a, p, 0.0) for a, p in zip(arts, probs, strict=True)]
        for sure in (0.5, 0.7, 0.9):
            rows[f"rules + tagger {sure}"] = [
                nc.union(r, tagger_names(a, p, sure))
                for r, a, p in zip(rules, arts, probs, strict=True)
            ]
        print(f"\n{name}: {len(arts)} articles")
        print(f"{'reader':<20}" + "".join(f"{f + ' P/R/F1':>22}" for f in crf.TAGGED[1:]))
        for label, outs in rows.items():
            rep = nc.score(arts, outs)
            cells = "".join(f"{'/'.join(f'{x:.3f}' for x in rep[f]):>22}" for f in crf.TAGGED[1:])
            print(f"{label:<20}{cells}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"] and len(sys.argv) == 3:
        dump(sys.argv[2])
    elif sys.argv[1:2] == ["score"] and len(sys.argv) == 4:
        score(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
