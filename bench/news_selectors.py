"""What the news reader's learned selectors share (bench/news_amounts.py, which trains the
shipped amount selector, and bench/news_countries.py, a country selector measured and not
shipped): a logistic regression over feature dicts, and the command line that
cross-validates it by part, scores it on test parts and prints precision, recall and F1
against the rules' own reading (every candidate kept).

A script gives ``read_part(part) -> list[article dict]`` (reading each article with
:func:`traced_articles`), each article holding its
``"part"``, its ``"candidates"`` as ``(feature dict, key)`` pairs (the key as the scorer
compares it) and its ``"gold"`` set of keys, and calls :func:`main`.
"""

from __future__ import annotations

import argparse
import math
import sys

from sklearn.linear_model import LogisticRegression

HEADER = f"{'reader':<22}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'exp':>6}"
C_GRID = (0.1, 0.3, 1.0, 3.0)


def fit(features: list[dict], labels: list[int], c: float):
    """A logistic regression over feature dicts: ``({"weights": {name: w, "bias": b},
    "C": c}, the scikit-learn model, the feature names in its order)``."""
    names = sorted({k for f in features for k in f if k != "bias"})
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit([[f.get(k, 0.0) for k in names] for f in features], labels)
    weights = {k: float(w) for k, w in zip(names, clf.coef_[0], strict=True)}
    weights["bias"] = float(clf.intercept_[0])
    return {"weights": weights, "C": c}, clf, names


def probability(model: dict, features: dict) -> float:
    score = sum(model["weights"].get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-score))


def rows(arts: list[dict]) -> tuple[list[dict], list[int]]:
    """Every candidate's features, and 1 where the label lists it."""
    pairs = [(f, int(key in a["gold"])) for a in arts for f, key in a["candidates"]]
    return [f for f, _ in pairs], [y for _, y in pairs]


def score(arts: list[dict], model: dict | None, threshold: float) -> tuple[int, int, int]:
    """(right, kept, labelled) over sets of keys per article, as the scorer counts them;
    with no model, every candidate is kept (the rules' own reading). An article's ``"base"``
    keys (what the reader reads besides the candidates, if given) are always kept."""
    tp = pred = exp = 0
    for a in arts:
        kept = set(a.get("base", ())) | {
            key for f, key in a["candidates"] if model is None or probability(model, f) >= threshold
        }
        tp += len(kept & a["gold"])
        pred += len(kept)
        exp += len(a["gold"])
    return tp, pred, exp


def traced_articles(part: str, hook: str):
    """Each article of ``part`` read as the scorer reads it (``scoring.read_extraction``,
    with its label's publication date), with the reader's trace hook ``hook`` (an attribute
    of ``doingoai.news.extraction``, e.g. ``"AMOUNT_TRACE"``) set for that one reading:
    ``(source, label, the reading, the hook's record for it or None)``."""
    from doingoai.news import extraction
    from doingoai.news.scoring import load_corpus, read_extraction

    for source, label in load_corpus(part):
        setattr(extraction, hook, [])
        try:
            got = read_extraction(source, label)
            trace = getattr(extraction, hook)
        finally:
            setattr(extraction, hook, None)
        yield source, label, got, trace[-1] if trace else None


def line(name: str, counts: tuple[int, int, int]) -> str:
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


def main(argv, *, description, read_part, thresholds, keep, save=None) -> int:
    """``PART ... [--test PART ...] [--cv] [--C C] [--save FILE]``: ``keep`` is the threshold
    at which cross-validation chooses C (the product's, for a shipped selector); ``save``
    (if given) writes the model trained on all the training parts to ``--save``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("train", nargs="+")
    parser.add_argument("--test", nargs="*", default=[])
    parser.add_argument("--cv", action="store_true", help="cross-validate, folds by part")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, default=None, help="else chosen by --cv")
    if save:
        parser.add_argument("--save")
    args = parser.parse_args(argv)

    def train(arts, c):
        return fit(*rows(arts), c)[0]

    train_arts = []
    for k, part in enumerate(args.train, 1):
        train_arts += read_part(part)
        print(f"read {k}/{len(args.train)} training parts", file=sys.stderr, flush=True)
    chosen_c = args.C or 1.0
    if args.cv:
        parts = list(dict.fromkeys(a["part"] for a in train_arts))
        folds = [parts[k :: args.folds] for k in range(args.folds)]
        best = None
        print(f"cross-validation over {len(train_arts)} articles, {args.folds} folds by part")
        print(HEADER)
        print(line("rules (all kept)", score(train_arts, None, 0)))
        for c in (args.C,) if args.C else C_GRID:
            totals = {t: (0, 0, 0) for t in thresholds}
            for held in folds:
                model = train([a for a in train_arts if a["part"] not in held], c)
                held_arts = [a for a in train_arts if a["part"] in held]
                for t in thresholds:
                    totals[t] = _add(totals[t], score(held_arts, model, t))
            for t in thresholds:
                print(line(f"C={c} keep>={t}", totals[t]))
            if best is None or _f1(totals[keep]) > best[0]:
                best = (_f1(totals[keep]), c)
        chosen_c = best[1]
        print(f"C chosen at the threshold {keep}: {chosen_c}")
    if args.test:
        test_arts = [a for part in args.test for a in read_part(part)]
        model = train(train_arts, chosen_c)
        print(f"trained on {len(train_arts)} articles (C={chosen_c}), scored on {len(test_arts)}")
        print(HEADER)
        print(line("rules (all kept)", score(test_arts, None, 0)))
        for t in thresholds:
            print(line(f"selector keep>={t}", score(test_arts, model, t)))
    if save and args.save:
        save(args.save, train_arts, *fit(*rows(train_arts), chosen_c))
    return 0
