"""How far two labellers agree, and where the reader stands against each of them.

A sample of corpus articles was labelled a second time, blind, by other labellers given the
same written conventions (``bench/news/agreement/README.md``). This script scores the
second labels against the first with the reader's own scorer (``doingoai.news.scoring``),
and, given what a reader read on those articles (``news_rescore.py read`` output), scores
the reader against each labelling and against the values both labellings agree on:

    .venv/bin/python bench/news_agreement.py bench/news/agreement/second \\
        --reads R1.json R2.json ... [--disagreements places partners]

F1 is symmetric: it does not matter which labelling is taken as the reference. "Agreed"
takes as reference only what both labellings give; a value only one of them gives is
disputed, and a reader reading it counts neither for nor against it. Needs no database.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")

CORPUS = Path(__file__).resolve().parent / "news" / "corpus"


def _f1(tp: int, predicted: int, expected: int) -> float:
    p = tp / predicted if predicted else 1.0
    r = tp / expected if expected else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def first_labels(names: list[str]) -> dict[str, dict]:
    """The corpus label of each second label, found by its file name in any part."""
    found = {}
    for name in names:
        matches = list(CORPUS.glob(f"*/{name}"))
        if len(matches) != 1:
            raise SystemExit(f"{name}: {len(matches)} corpus labels of that name (want 1)")
        found[name] = json.loads(matches[0].read_text(encoding="utf-8"))
    return found


def agreed_counts(field: str, predicted: dict, first: dict, second: dict) -> tuple:
    """(tp, predicted, expected) of a reader against the values both labellings give."""
    from doingoai.news.scoring import _one_day, _values

    p = _values(field, _one_day(predicted))
    a, b = _values(field, _one_day(first)), _values(field, _one_day(second))
    gold, disputed = a & b, a ^ b
    return len(p & gold), len(p - disputed), len(gold)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("second", type=Path, help="folder of second labels (NNN_slug.json)")
    parser.add_argument("--reads", nargs="*", type=Path, default=[], help="reader output(s)")
    parser.add_argument("--disagreements", nargs="*", default=[], metavar="FIELD")
    args = parser.parse_args(argv)
    django.setup()
    from doingoai.news.scoring import FIELDS, score_pairs

    second = {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(args.second.glob("*.json"))
    }
    first = first_labels(list(second))
    reads = {}
    for path in args.reads:
        reads.update(json.loads(path.read_text(encoding="utf-8")))
    read = {name: reads.get(name[: -len(".json")] + ".txt") for name in second}
    missing = [name for name, got in read.items() if got is None]
    if args.reads and missing:
        raise SystemExit(f"no reader output for {len(missing)} articles, e.g. {missing[0]}")

    humans = score_pairs([(n, second[n], first[n]) for n in second])
    columns = [("labellers", humans["fields"])]
    agreed = {}
    if args.reads:
        for title, ref in (("reader/first", first), ("reader/second", second)):
            report = score_pairs([(n, read[n], ref[n]) for n in second])
            columns.append((title, report["fields"]))
        for field in FIELDS:
            totals = [0, 0, 0]
            for n in second:
                if field in first[n] and field in second[n]:
                    for i, v in enumerate(agreed_counts(field, read[n], first[n], second[n])):
                        totals[i] += v
            agreed[field] = totals

    print(f"{len(second)} articles labelled twice")
    head = "".join(f"{title:>16}" for title, _ in columns)
    print(f"{'field':<12}{head}{'reader/agreed':>16}{'first':>7}{'second':>7}{'both':>6}")
    for field in FIELDS:
        if not humans["fields"][field]["expected"] and not humans["fields"][field]["predicted"]:
            continue
        cells = "".join(
            f"{_f1(c[field]['tp'], c[field]['predicted'], c[field]['expected']):>16.3f}"
            for _, c in columns
        )
        if agreed:
            cells += f"{_f1(*agreed[field]):>16.3f}"
        h = humans["fields"][field]
        print(f"{field:<12}{cells}{h['expected']:>7}{h['predicted']:>7}{h['tp']:>6}")

    for field in args.disagreements:
        print(f"\n## {field}: first label only (-) / second label only (+)")
        for m in humans["mistakes"]:
            if m["field"] == field:
                print(f"{m['article']}: -{m['missing']} +{m['extra']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
