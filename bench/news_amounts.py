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

import json
import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
django.setup()


import news_selectors as selectors  # noqa: E402

from doingoai.news import model  # noqa: E402
from doingoai.news.scoring import _values  # noqa: E402


def read_part(part: str) -> list[dict]:
    """Per article: each sum the rules read, as its features and the scorer's key, and the
    labelled sums' keys."""
    out = []
    for source, label, _, traced in selectors.traced_articles(part, "AMOUNT_TRACE"):
        amounts, features = traced or ([], [])
        gold = _values("amounts", label)
        # each sum with its features and the scorer's key
        candidates = [
            (f, *_values("amounts", {"amounts": [a.to_json()]}))
            for a, f in zip(amounts, features, strict=True)
        ]
        out.append({"name": source.name, "part": part, "candidates": candidates, "gold": gold})
    return out


def save(path: str, arts: list[dict], weights: dict, clf, names: list[str]) -> None:
    features = selectors.rows(arts)[0]
    gap = max(
        abs(model.amount_probability(f, weights) - p)
        for f, p in zip(
            features,
            clf.predict_proba([[f.get(k, 0.0) for k in names] for f in features])[:, 1],
            strict=True,
        )
    )
    print(f"the product's arithmetic against scikit-learn: largest difference {gap:.2e}")
    weights["trained_on"] = len(arts)
    Path(path).write_text(json.dumps(weights, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"saved {path}: {len(weights['weights'])} weights, trained on {len(arts)}")


if __name__ == "__main__":
    raise SystemExit(
        selectors.main(
            None,
            description=__doc__.splitlines()[0],
            read_part=read_part,
            thresholds=(0.3, 0.4, 0.5),
            keep=model.AMOUNT_KEEP,
            save=save,
        )
    )
