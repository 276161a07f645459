"""bench/news_kind.py: the kind classifier trained on one labelled part, scored on another
and saved, from the command line; the product applies the saved weights as scikit-learn
does."""

import gzip
import json
import re

import pytest
from tests.bench.scripts import CORPUS, TEST, TRAIN, articles, run

from doingoai.news import model

pytestmark = pytest.mark.once


def test_trained_on_one_part_scored_on_another_and_saved(tmp_path):
    saved = tmp_path / "kind.json.gz"
    out = run("news_kind.py", CORPUS / TRAIN, "--test", CORPUS / TEST, "--save", saved)
    train, test = articles(TRAIN), articles(TEST)
    assert f"{train} training articles" in out
    assert re.search(r"chosen: head \d+, title x[\d.]+, C [\d.]+", out)
    assert f": {test} articles" in out
    rules = float(re.search(r"rules\s+([\d.]+)", out).group(1))
    shipped = float(re.search(r"with the model\s+([\d.]+)", out).group(1))
    assert 0 < rules <= 1 and 0 < shipped <= 1
    gap = float(re.search(r"largest difference ([\d.e+-]+)", out).group(1))
    assert gap < 1e-3  # the product's arithmetic gives scikit-learn's probabilities

    with gzip.open(saved, "rt", encoding="utf-8") as f:
        weights = json.load(f)
    kinds = {
        json.loads(p.read_text(encoding="utf-8"))["kind"] for p in (CORPUS / TRAIN).glob("*.json")
    }
    assert set(weights["classes"]) == kinds
    p = model.kind_probabilities(
        "Đoàn Hội Phụ nữ Lào thăm và làm việc tại tỉnh Quảng Trị",
        "Ngày 5/6, đoàn đại biểu Hội Phụ nữ Lào đến thăm và làm việc với Hội LHPN tỉnh.",
        "delegation_in",
        (),
        weights,
    )
    assert abs(sum(p.values()) - 1) < 1e-9
    assert max(p, key=p.get) == "delegation_in"
