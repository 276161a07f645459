"""Mechanical checks of a new news-corpus part before it is committed (issue 18).

Helpers deliver ``<dir>/<stem>.txt``, ``<stem>.json`` and ``sources.tsv`` (stem, address,
query) per helper directory. This script checks every delivery against the corpus's label
format and against what the corpus already holds:

    .venv/bin/python bench/news_check_part.py /tmp/incoming/h1 /tmp/incoming/h2 ...

- the label's keys, kinds, ISO dates, ISO 3166 countries (never VN), amounts' fields;
- values written as the text writes them (title, units, partners, places, agreement,
  amounts' ``text``): the ones that are not are listed, for the labeller's ``_note`` to
  explain (a mission named after its envoy, an inserted "(LHPN)" dropped);
- addresses already held (``bench/news/corpus/SOURCES.md``) or delivered twice;
- the same story: the largest share of shingles (``doingoai.news.similarity``, the
  reader's own measure of near-duplicates) shared with a held article and between two new
  ones.

It prints one line per problem and a summary; the exit status is 1 when a hard problem
(format, held or repeated address, same story) is found. Needs no database.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
import django  # noqa: E402

django.setup()

import pycountry  # noqa: E402

from doingoai.news.extraction import JSON_KEYS, KINDS  # noqa: E402
from doingoai.news.similarity import likeness, story  # noqa: E402

CORPUS = ROOT / "bench" / "news" / "corpus"
#: the label format: the reader's own output fields, with the corpus's source, publication
#: date and events
KEYS = ("_source", "_published", *JSON_KEYS, "events")
VERBATIM = ("units", "partners", "places")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _is_date(value) -> bool:
    if value is None:
        return True
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _amount_problems(amounts: list, text: str, hard: list[str], loose: list[str]) -> None:
    for amount in amounts:
        if not isinstance(amount, dict) or not {"value", "currency", "direction"} <= set(amount):
            hard.append(f"amount lacks value, currency or direction: {amount!r}")
            continue
        if pycountry.currencies.get(alpha_3=amount["currency"]) is None:
            hard.append(f"currency not ISO 4217: {amount['currency']!r}")
        if amount["direction"] not in ("given", "received", "unknown"):
            hard.append(f"direction not known: {amount['direction']!r}")
        if amount.get("text") and _nfc(amount["text"]) not in text:
            loose.append(f"amount text: {amount['text']!r}")


def label_problems(label: dict, text: str) -> tuple[list[str], list[str]]:
    """(hard problems, values not written as the text writes them)."""
    hard, loose = [], []
    for key in KEYS:
        if key not in label:
            hard.append(f"key missing: {key}")
    for key in ("_published", "published", "start_date", "end_date"):
        if not _is_date(label.get(key)):
            hard.append(f"{key} is not an ISO date: {label.get(key)!r}")
    if label.get("kind") not in KINDS:
        hard.append(f"kind not known: {label.get('kind')!r}")
    for code in label.get("countries") or []:
        if code == "VN" or pycountry.countries.get(alpha_2=code) is None:
            hard.append(f"country not a foreign ISO 3166-1 code: {code!r}")
    _amount_problems(label.get("amounts") or [], text, hard, loose)
    for key in ("title", "agreement"):
        value = label.get(key)
        if value and _nfc(value) not in text:
            loose.append(f"{key}: {value!r}")
    for key in VERBATIM:
        for value in label.get(key) or []:
            if _nfc(value) not in text:
                loose.append(f"{key}: {value!r}")
    return hard, loose


def held() -> tuple[set[str], dict[str, str]]:
    """Addresses the corpus holds, and its texts' stories by file name."""
    addresses = set(re.findall(r"<([^>]+)>", (CORPUS / "SOURCES.md").read_text(encoding="utf-8")))
    stories = {p.name: story(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*/*.txt"))}
    return addresses, stories


def _shared(name: str, text: str, others: dict, what: str, threshold: float, worst: tuple):
    """Compare one new story with ``others``; print each that tells the same story; return
    how many did and the largest share found so far."""
    count = 0
    for other, other_text in others.items():
        share = likeness(text, other_text).containment
        if share > worst[0]:
            worst = (share, name, other)
        if share >= threshold:
            print(f"HARD  {name}: same story as {what} {other} ({share:.0%})")
            count += 1
    return count, worst


def same_stories(new: dict, stories: dict, threshold: float) -> tuple[int, tuple, tuple]:
    """Print each new text that tells a held or another new one's story; return how many,
    and the largest shares found (with a held text, between two new ones)."""
    hard_count = 0
    worst_held = worst_new = (0.0, "", "")
    names = list(new)
    for i, name in enumerate(names):
        count, worst_held = _shared(name, new[name], stories, "held", threshold, worst_held)
        hard_count += count
        later = {other: new[other] for other in names[i + 1 :]}
        count, worst_new = _shared(name, new[name], later, "new", threshold, worst_new)
        hard_count += count
    return hard_count, worst_held, worst_new


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument(
        "--same-story",
        type=float,
        default=0.5,
        help="share of shingles from which two texts are one story (default 0.5)",
    )
    args = ap.parse_args(argv)
    addresses, stories = held()
    new: dict[str, str] = {}  # name -> its story
    seen_addresses: dict[str, str] = {}
    hard_count = 0
    for folder in args.dirs:
        rows = {}
        for line in (folder / "sources.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip():
                stem, address, *_ = line.split("\t")
                rows[stem] = address
        for label_path in sorted(folder.glob("*.json")):
            stem = label_path.stem
            name = f"{folder.name}/{stem}"
            text = _nfc(label_path.with_suffix(".txt").read_text(encoding="utf-8"))
            label = json.loads(label_path.read_text(encoding="utf-8"))
            hard, loose = label_problems(label, text)
            address = label.get("_source")
            if rows.get(stem) != address:
                hard.append(f"sources.tsv gives {rows.get(stem)!r}, the label {address!r}")
            if address in addresses:
                hard.append(f"address already held: {address}")
            if address in seen_addresses:
                hard.append(f"address delivered twice (also {seen_addresses[address]})")
            seen_addresses[address] = name
            for problem in hard:
                print(f"HARD  {name}: {problem}")
            for problem in loose:
                print(f"NOTE  {name}: not verbatim, {problem}")
            hard_count += len(hard)
            new[name] = story(text)
    count, worst_held, worst_new = same_stories(new, stories, args.same_story)
    hard_count += count
    print(
        f"{len(new)} articles; {hard_count} hard problems; most shingles shared with a held "
        f"article {worst_held[0]:.0%} ({worst_held[1]} ~ {worst_held[2]}), between two new "
        f"ones {worst_new[0]:.0%} ({worst_new[1]} ~ {worst_new[2]})"
    )
    return 1 if hard_count else 0


if __name__ == "__main__":
    sys.exit(main())
