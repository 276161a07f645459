"""The news reader's kind classifier (``doingoai.news.model.kind_probabilities``) against
the rules' kind, and the classifier the product ships: trained on labelled parts of
bench/news/corpus, scored on another.

    .venv/bin/python bench/news_kind.py bench/news/corpus/tune [PART ...] \
        [--test PART ...] [--save src/doingoai/news/data/news_kind.json.gz]

The classifier is scikit-learn's logistic regression over tf-idf word and word-pair
features of the headline and of the start of the body, plus the kind the rules read and
the kinds of the events they found. Its settings (how much of the body, the headline's
weight, the regularisation) are chosen by cross-validation on the training parts alone;
``--test`` then scores the rules and the classifier (the reader as shipped takes its
kind, marked unsure below ``extraction.KIND_SURE``) on parts it was not trained on.
``--save`` trains on all the training parts and writes the vocabulary and
weights where the product reads them; the script checks that the product's own arithmetic
gives scikit-learn's probabilities. scikit-learn is needed here only (a test dependency).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import sys
from pathlib import Path

import django

# one thread for the linear algebra: the fits are small, and on 2 cores BLAS's threads
# spent more time waiting for each other than computing (19 s against 7.6 s for the
# command-line test's training)
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
django.setup()

import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix, hstack  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from doingoai.news import model as news_model  # noqa: E402
from doingoai.news.extraction import KIND_SURE  # noqa: E402
from doingoai.news.scoring import load_corpus, read_extraction  # noqa: E402

#: the settings tried, chosen by cross-validation on the training parts
HEADS = (1000, 2000)
TITLE_WEIGHTS = (0.5, 1.0)
CS = (10.0, 30.0)
FOLDS = 5
SEED = 7


def reading(source: Path, label: dict) -> dict:
    """What the classifier reads of one article (the rules alone), and its label."""
    ex = read_extraction(source, label, use_model=False)
    title, body, rules_kind, events = ex.kind_reading
    return {
        "title": title,
        "body": body,
        "rules": rules_kind,
        "events": events,
        "gold": label["kind"],
        "name": source.name,
    }


def read_parts(parts: list[str]) -> list[dict]:
    out = []
    for part in parts:
        out.extend(reading(s, lab) for s, lab in load_corpus(part))
    return out


class Classifier:
    """The tf-idf blocks and the logistic regression, as the product applies them."""

    def __init__(self, head: int, title_weight: float, c: float, kinds: list[str]):
        self.head, self.title_weight, self.c, self.kinds = head, title_weight, c, kinds

    def _vectorizer(self):
        return TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, min_df=2, token_pattern=r"(?u)\b\w+\b"
        )

    def _matrix(self, items: list[dict], fit: bool):
        bodies = [i["body"][: self.head] for i in items]
        titles = [i["title"] for i in items]
        if fit:
            self.vb, self.vt = self._vectorizer(), self._vectorizer()
            b, t = self.vb.fit_transform(bodies), self.vt.fit_transform(titles)
        else:
            b, t = self.vb.transform(bodies), self.vt.transform(titles)
        rules = [[1.0 if i["rules"] == k else 0.0 for k in self.kinds] for i in items]
        events = [[1.0 if k in i["events"] else 0.0 for k in self.kinds] for i in items]
        blocks = [b, self.title_weight * t, *(csr_matrix(np.array(x)) for x in (rules, events))]
        return hstack(blocks).tocsr()

    def fit(self, items: list[dict]) -> Classifier:
        self.lr = LogisticRegression(C=self.c, max_iter=5000)
        self.lr.fit(self._matrix(items, fit=True), [i["gold"] for i in items])
        return self

    def probabilities(self, items: list[dict]) -> list[dict[str, float]]:
        p = self.lr.predict_proba(self._matrix(items, fit=False))
        return [dict(zip(self.lr.classes_, row, strict=False)) for row in p]

    def export(self) -> dict:
        """The vocabulary and weights ``doingoai.news.model.kind_probabilities`` reads."""
        coef = self.lr.coef_
        nb, nt, nk = len(self.vb.vocabulary_), len(self.vt.vocabulary_), len(self.kinds)

        def weights(column: int) -> list[float]:
            return [round(float(w), 6) for w in coef[:, column]]

        def block(vec, start: int) -> dict:
            return {
                term: [round(float(vec.idf_[col]), 6), weights(start + col)]
                for term, col in vec.vocabulary_.items()
            }

        return {
            "classes": [str(c) for c in self.lr.classes_],
            "intercept": [round(float(b), 6) for b in self.lr.intercept_],
            "head": self.head,
            "title_weight": self.title_weight,
            "body": block(self.vb, 0),
            "title": block(self.vt, nb),
            "rules": {k: weights(nb + nt + i) for i, k in enumerate(self.kinds)},
            "events": {k: weights(nb + nt + nk + i) for i, k in enumerate(self.kinds)},
        }


def accuracy(pairs) -> float:
    pairs = list(pairs)
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else 0.0


def choose(items: list[dict], kinds: list[str]) -> tuple:
    """The settings with the best cross-validated accuracy on ``items``."""
    gold = [i["gold"] for i in items]
    folds = list(StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(items, gold))
    best = None
    for head, tw, c in itertools.product(HEADS, TITLE_WEIGHTS, CS):
        right = 0
        for train, held in folds:
            clf = Classifier(head, tw, c, kinds).fit([items[k] for k in train])
            probs = clf.probabilities([items[k] for k in held])
            right += sum(
                news_model.choose_kind(p, items[k]["rules"])[0] == items[k]["gold"]
                for p, k in zip(probs, held, strict=True)
            )
        acc = right / len(items)
        print(f"  head {head:5d}  title x{tw:.1f}  C {c:5.1f}  cross-validated {acc:.3f}")
        if best is None or acc > best[0]:
            best = (acc, head, tw, c)
    return best[1:]


def report(items: list[dict], probs: list[dict[str, float]], title: str) -> None:
    print(f"\n{title}: {len(items)} articles")
    chosen = [news_model.choose_kind(p, i["rules"]) for p, i in zip(probs, items, strict=True)]
    kinds = [k for k, _ in chosen]
    gold = [i["gold"] for i in items]
    print(f"  rules            {accuracy((i['rules'], i['gold']) for i in items):.3f}")
    print(f"  with the model   {accuracy(zip(kinds, gold, strict=False)):.3f}  (as shipped)")
    changed = [(k, i) for k, i in zip(kinds, items, strict=False) if k != i["rules"]]
    print(
        f"  changed by it    {len(changed)}: right after {sum(k == i['gold'] for k, i in changed)}"
        f", right before {sum(i['rules'] == i['gold'] for _, i in changed)}"
    )
    for name, keep in (
        (f"sure (>= {KIND_SURE})", lambda p: p >= KIND_SURE),
        (f"unsure (< {KIND_SURE})", lambda p: p < KIND_SURE),
    ):
        group = [(k, g) for (k, p), g in zip(chosen, gold, strict=True) if keep(p)]
        wrong = sum(k != g for k, g in group)
        print(f"  {name:16s} {len(group):4d} articles, {wrong / max(1, len(group)):.0%} wrong")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="+", help="labelled corpus parts to train on")
    parser.add_argument("--test", nargs="*", default=[], help="parts to score on")
    parser.add_argument("--save", help="train on every training part and write the model")
    args = parser.parse_args(argv)

    train = read_parts(args.parts)
    kinds = sorted({i["gold"] for i in train} | {i["rules"] for i in train})
    print(f"{len(train)} training articles; choosing settings by {FOLDS}-fold cross-validation")
    head, tw, c = choose(train, kinds)
    print(f"chosen: head {head}, title x{tw}, C {c}")
    clf = Classifier(head, tw, c, kinds).fit(train)
    if args.test:
        test = read_parts(args.test)
        report(test, clf.probabilities(test), "kept apart (" + ", ".join(args.test) + ")")
    if args.save:
        exported = clf.export()
        check = test if args.test else train
        ours = [
            news_model.kind_probabilities(i["title"], i["body"], i["rules"], i["events"], exported)
            for i in check
        ]
        theirs = clf.probabilities(check)
        gap = max(abs(o[k] - t[k]) for o, t in zip(ours, theirs, strict=False) for k in t)
        print(f"\nthe product's arithmetic against scikit-learn: largest difference {gap:.2e}")
        if gap > 1e-3:
            print("the product does not apply the classifier as trained", file=sys.stderr)
            return 1
        data = json.dumps(exported, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        with open(args.save, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as z:
            z.write(data.encode("utf-8"))
        print(f"saved {args.save} ({Path(args.save).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
