"""bench/news_countries.py: the country selector measured from the command line (trained on
one labelled part, scored on another); its candidates are the reader's own countries."""

import pytest
from tests.bench.scripts import CORPUS, TEST, TRAIN, articles, counts, run

from doingoai.news.scoring import score

pytestmark = pytest.mark.once


def test_trained_on_one_part_scored_on_another():
    out = run("news_countries.py", CORPUS / TRAIN, "--test", CORPUS / TEST)
    train, test = articles(TRAIN), articles(TEST)
    assert f"trained on {train} articles" in out and f"scored on {test}" in out
    # every candidate kept is the reader's own reading of the countries
    reader = score(CORPUS / TEST)["fields"]["countries"]
    assert counts(out, "rules (all kept)") == (
        reader["tp"],
        reader["predicted"],
        reader["expected"],
    )
    for t in ("0.3", "0.4", "0.5", "0.6"):
        _, kept, _ = counts(out, f"selector keep>={t}")
        assert kept <= reader["predicted"]  # the selector only drops
