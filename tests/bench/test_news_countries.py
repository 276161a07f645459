"""bench/news_countries.py: the country selector measured from the command line (trained on
one labelled part, scored on another); its candidates are the reader's own countries."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from doingoai.news.scoring import score

pytestmark = pytest.mark.once

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "news_countries.py"
CORPUS = ROOT / "bench" / "news" / "corpus"


def test_trained_on_one_part_scored_on_another():
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(CORPUS / "tune"), "--test", str(CORPUS / "holdout")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    train = len(list((CORPUS / "tune").glob("*.json")))
    test = len(list((CORPUS / "holdout").glob("*.json")))
    assert f"trained on {train} articles" in out and f"scored on {test}" in out
    # every candidate kept is the reader's own reading of the countries
    rules = re.search(r"rules \(all kept\)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)\s+(\d+)\s+(\d+)", out)
    reader = score(CORPUS / "holdout")["fields"]["countries"]
    assert tuple(map(int, rules.groups())) == (
        reader["tp"],
        reader["predicted"],
        reader["expected"],
    )
    for t in ("0.3", "0.4", "0.5", "0.6"):
        kept = re.search(rf"selector keep>={t}\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\d+\s+(\d+)", out)
        assert int(kept.group(1)) <= reader["predicted"]  # the selector only drops
