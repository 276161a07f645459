"""Running a bench/ script from the command line, as the tests of bench/news_*.py do, and
reading the lines of precision, recall and F1 it prints."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "bench" / "news" / "corpus"
#: the parts the scripts' tests train on and score on: two small labelled parts (28 and 13
#: articles; the measures reported in bench/news/RESULTS.md use the large ones), enough for
#: every line the tests read, a third of the reading
TRAIN, TEST = "fresh2", "fresh"


def run(script: str, *args) -> str:
    """Run ``bench/<script>`` with ``args`` and return what it printed; it must succeed."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def counts(out: str, label: str) -> tuple[int, int, int]:
    """(right, read, labelled) of the line that starts with ``label`` (its first, when a
    label is printed twice)."""
    m = re.search(
        rf"^{re.escape(label)}\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)\s+(\d+)\s+(\d+)$", out, re.M
    )
    assert m is not None, f"no line {label!r} in:\n{out}"
    return tuple(map(int, m.groups()))


def articles(part: str) -> int:
    return len(list((CORPUS / part).glob("*.json")))
