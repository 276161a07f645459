"""The news reader's amount selector (``doingoai.news.model.amount_features``): which of
the sums the rules read are the article's own aid, and which are background (another
project, a period's or a programme's total, an investment). Trained on labelled parts of
bench/news/corpus and scored on others.

    .venv/bin/python bench/news_amounts.py PART [PART ...] [--test PART ...] [--cv]
        [--C C] [--save src/doingoai/news/data/news_amounts.json]

A sum is right when the label lists it (value, currency and direction, as the scorer).
``--cv`` cross-validates over the training parts (folds by part, so that no part is both
trained and scored on) and chooses C; ``--test`` trains on the training parts and scores
the test parts. Both print the amounts' precision, recall and F1 for the rules (every sum
kept) and for the selector at several thresholds (the product keeps a sum from
``model.AMOUNT_KEEP``), counting the labelled sums the rules did not read as missed.
``--save`` trains on all the training parts and writes the weights the product reads
(scikit-learn's logistic regression; the product's own arithmetic in
``model.amount_probability``, checked here against scikit-learn's).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
django.setup()

from sklearn.linear_model import LogisticRegression  # noqa: E402

from doingoai.news import extraction, model  # noqa: E402
from doingoai.news.scoring import _values, load_corpus  # noqa: E402


def read_part(part: str) -> list[dict]:
    """Per article: each sum's features and whether the label lists it, and how many sums
    the label lists."""
    out = []
    for source, label in load_corpus(part):
        published = label.get("_published")
        text = source.read_text(encoding="utf-8")
        extraction.AMOUNT_TRACE = []
        try:
            extraction.extract(text, published=date.fromisoformat(published) if published else None)
            amounts, features = extraction.AMOUNT_TRACE[-1] if extraction.AMOUNT_TRACE else ([], [])
        finally:
            extraction.AMOUNT_TRACE = None
        gold = _values("amounts", label)
        # each sum with its features, the scorer's key and whether the label lists it
        sums = []
        for a, f in zip(amounts, features, strict=True):
            (key,) = _values("amounts", {"amounts": [a.to_json()]})
            sums.append((f, key, int(key in gold)))
        out.append({"name": source.name, "part": part, "sums": sums, "gold": gold})
    return out


def _names(arts: list[dict]) -> list[str]:
    return sorted({k for a in arts for f, _, _ in a["sums"] for k in f if k != "bias"})


def train(arts: list[dict], c: float) -> tuple[dict, LogisticRegression, list[str]]:
    names = _names(arts)
    xs = [[f.get(k, 0.0) for k in names] for a in arts for f, _, _ in a["sums"]]
    ys = [y for a in arts for _, _, y in a["sums"]]
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(xs, ys)
    weights = {k: float(w) for k, w in zip(names, clf.coef_[0], strict=True)}
    weights["bias"] = float(clf.intercept_[0])
    return {"weights": weights, "C": c}, clf, names


def score(arts: list[dict], weights: dict | None, threshold: float) -> tuple[int, int, int]:
    """(right, kept, labelled) over sets of sums per article, as the scorer counts them."""
    tp = pred = exp = 0
    for a in arts:
        kept = {
            key
            for f, key, _ in a["sums"]
            if weights is None or model.amount_probability(f, weights) >= threshold
        }
        tp += len(kept & a["gold"])
        pred += len(kept)
        exp += len(a["gold"])
    return tp, pred, exp


THRESHOLDS = (0.3, 0.4, 0.5)
C_GRID = (0.1, 0.3, 1.0, 3.0)


def _line(name: str, counts: tuple[int, int, int]) -> str:
    tp, pred, exp = counts
    p = tp / pred if pred else 1.0
    r = tp / exp if exp else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<22}{p:>8.3f}{r:>8.3f}{f1:>8.3f}{tp:>6}{pred:>6}{exp:>6}"


def _add(a, b):
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _f1(counts: tuple[int, int, int]) -> float:
    tp, pred, exp = counts
    return 2 * tp / (pred + exp) if pred + exp else 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="+")
    parser.add_argument("--test", nargs="*", default=[])
    parser.add_argument("--cv", action="store_true", help="cross-validate, folds by part")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, default=None, help="else chosen by --cv")
    parser.add_argument("--save")
    args = parser.parse_args(argv)
    train_arts = []
    for k, part in enumerate(args.train, 1):
        train_arts += read_part(part)
        print(f"read {k}/{len(args.train)} training parts", file=sys.stderr, flush=True)
    header = f"{'reader':<22}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'exp':>6}"
    chosen_c = args.C or 1.0
    keep = model.AMOUNT_KEEP
    if args.cv:
        parts = list(dict.fromkeys(a["part"] for a in train_arts))
        folds = [parts[k :: args.folds] for k in range(args.folds)]
        best = None
        print(f"cross-validation over {len(train_arts)} articles, {args.folds} folds by part")
        print(header)
        print(_line("rules (all kept)", score(train_arts, None, 0)))
        for c in (args.C,) if args.C else C_GRID:
            totals = {t: (0, 0, 0) for t in THRESHOLDS}
            for held in folds:
                weights = train([a for a in train_arts if a["part"] not in held], c)[0]
                held_arts = [a for a in train_arts if a["part"] in held]
                for t in THRESHOLDS:
                    totals[t] = _add(totals[t], score(held_arts, weights, t))
            for t in THRESHOLDS:
                print(_line(f"C={c} keep>={t}", totals[t]))
            if best is None or _f1(totals[keep]) > best[0]:
                best = (_f1(totals[keep]), c)
        chosen_c = best[1]
        print(f"C chosen at the product's threshold {keep}: {chosen_c}")
    if args.test:
        test_arts = [a for part in args.test for a in read_part(part)]
        weights = train(train_arts, chosen_c)[0]
        print(f"trained on {len(train_arts)} articles (C={chosen_c}), scored on {len(test_arts)}")
        print(header)
        print(_line("rules (all kept)", score(test_arts, None, 0)))
        for t in THRESHOLDS:
            print(_line(f"selector keep>={t}", score(test_arts, weights, t)))
    if args.save:
        weights, clf, names = train(train_arts, chosen_c)
        rows = [f for a in train_arts for f, _, _ in a["sums"]]
        gap = max(
            abs(model.amount_probability(f, weights) - p)
            for f, p in zip(
                rows,
                clf.predict_proba([[f.get(k, 0.0) for k in names] for f in rows])[:, 1],
                strict=True,
            )
        )
        print(f"the product's arithmetic against scikit-learn: largest difference {gap:.2e}")
        weights["trained_on"] = len(train_arts)
        Path(args.save).write_text(
            json.dumps(weights, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"saved {args.save}: {len(weights['weights'])} weights, trained on {len(train_arts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
