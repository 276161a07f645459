"""bench/news_acronyms.py: the acronym selector measured from the command line (trained on
one labelled part, scored on another); it scores the reader's own partners with the
acronyms it adds."""

import pytest
from tests.bench.scripts import CORPUS, TEST, TRAIN, articles, counts, run

from doingoai.news.scoring import score

pytestmark = pytest.mark.once


#: the acronyms the reader leaves in TRAIN alone are all wrong since stop 55 (it reads the
#: right ones itself), and a selector cannot be trained on one class: a second small part
EXTRA_TRAIN = "fresh3"


def test_trained_on_one_part_scored_on_another():
    out = run("news_acronyms.py", CORPUS / TRAIN, CORPUS / EXTRA_TRAIN, "--test", CORPUS / TEST)
    train, test = articles(TRAIN) + articles(EXTRA_TRAIN), articles(TEST)
    assert f"trained on {train} articles" in out and f"scored on {test}" in out
    # above any probability, nothing is added: the reader's own partners, as the scorer
    # counts them (the trace hook gives the script what the reader read)
    reader = score(CORPUS / TEST)["fields"]["partners"]
    alone = (reader["tp"], reader["predicted"], reader["expected"])
    assert counts(out, "selector keep>=1.01") == alone
    every = counts(out, "rules (all kept)")
    assert every[1] > alone[1]  # the holdout articles have acronyms the reader leaves
    for t in ("0.3", "0.4", "0.5", "0.6", "0.7"):
        right, read, labelled = counts(out, f"selector keep>={t}")
        # the selector only adds acronyms to what the reader read, and only those
        assert alone[0] <= right <= every[0] and alone[1] <= read <= every[1]
        assert labelled == alone[2]
