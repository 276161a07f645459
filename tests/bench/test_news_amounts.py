"""bench/news_amounts.py: the amount selector trained on one labelled part, scored on another
and saved, from the command line; its sums are the reader's own, and the product applies the
saved weights as scikit-learn does."""

import json
import re

import pytest
from tests.bench.scripts import CORPUS, TEST, TRAIN, articles, counts, run

from doingoai.news import model
from doingoai.news.scoring import score

pytestmark = pytest.mark.once


def test_trained_on_one_part_scored_on_another_and_saved(tmp_path, monkeypatch):
    saved = tmp_path / "amounts.json"
    out = run("news_amounts.py", CORPUS / TRAIN, "--test", CORPUS / TEST, "--save", saved)
    train, test = articles(TRAIN), articles(TEST)
    assert f"trained on {train} articles" in out and f"scored on {test}" in out
    gap = float(re.search(r"largest difference ([\d.e+-]+)", out).group(1))
    assert gap < 1e-6  # the product's arithmetic gives scikit-learn's probabilities
    weights = json.loads(saved.read_text(encoding="utf-8"))
    assert weights["trained_on"] == train and "w_total" in weights["weights"]

    # every sum the rules read is a candidate: with no selector shipped, the reader's own
    monkeypatch.setattr(model, "AMOUNT_MODEL_PATH", tmp_path / "none.json")
    model._amount_model.cache_clear()
    try:
        reader = score(CORPUS / TEST)["fields"]["amounts"]
    finally:
        model._amount_model.cache_clear()
    assert counts(out, "rules (all kept)") == (
        reader["tp"],
        reader["predicted"],
        reader["expected"],
    )
