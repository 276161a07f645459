"""News reader benchmark: field-level precision and recall over the labelled corpus,
and articles read per second.

    .venv/bin/python bench/news_bench.py [CORPUS_DIR] [--repeat N] [--json]

Reuses :func:`doingoai.news.scoring.score`; needs no database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
# the reader's messages (e.g. an ambiguous number) are translated: Django's settings are
# needed, not its database
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
django.setup()

from doingoai.news.scoring import load_corpus, read_article, score  # noqa: E402


def invented_years(corpus) -> list[str]:
    """Articles given a date whose year is written nowhere: not in the text (nor its
    dateline) and not in the publication date passed to the reader."""
    out = []
    for source, label in load_corpus(corpus):
        got = read_article(source, label)
        text = source.read_text(encoding="utf-8", errors="replace")
        for name in ("start_date", "end_date"):
            value = got.get(name)
            if not value:
                continue
            year = value[:4]
            if year not in text and year != (label.get("_published") or "")[:4]:
                out.append(f"{source.name}: {name} {value}")
    return out


def _f1(f: dict) -> float:
    p, r = f["precision"], f["recall"]
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "tests" / "news" / "corpus"))
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="read the corpus this many times for the speed (default 5)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="read with the rules alone, without the model's additions",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list the mistakes")
    parser.add_argument(
        "--errors",
        nargs="*",
        metavar="FIELD",
        help="list the mistakes field by field (all fields, or those named): per article, "
        "the values read but not labelled (+) and labelled but not read (-)",
    )
    args = parser.parse_args(argv)
    report = score(args.corpus, repeat=args.repeat, use_model=not args.rules_only)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, default=str, indent=1))
        return 0
    print(f"{'field':<14}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'pred':>6}{'exp':>6}")
    tp = predicted = expected = 0
    for field, f in report["fields"].items():
        print(
            f"{field:<14}{f['precision']:>10.3f}{f['recall']:>10.3f}{_f1(f):>8.3f}"
            f"{f['tp']:>6}{f['predicted']:>6}{f['expected']:>6}"
        )
        tp, predicted, expected = tp + f["tp"], predicted + f["predicted"], expected + f["expected"]
    total = {
        "precision": tp / predicted if predicted else 1,
        "recall": tp / expected if expected else 1,
    }
    print(
        f"{'all fields':<14}{total['precision']:>10.3f}{total['recall']:>10.3f}"
        f"{_f1(total):>8.3f}{tp:>6}{predicted:>6}{expected:>6}"
    )
    print(
        f"{report['articles']} articles × {args.repeat}: {report['seconds']:.2f} s, "
        f"{report['articles_per_second']:.1f} articles/s"
    )
    print_sureness(report["sureness"])
    invented = invented_years(args.corpus)
    print(
        f"dates with an invented year (not in the text nor the publication date): {len(invented)}"
    )
    for line in invented:
        print(f"  {line}")
    if args.verbose:
        for m in report["mistakes"]:
            print(m)
    if args.errors is not None:
        print_errors(report["mistakes"], args.errors)
    return 0


def print_sureness(table: dict) -> None:
    """Per field: articles marked unsure and how many of them were wrong, against those
    the reader was sure of, and the share of the field's wrong articles it marked."""
    print(
        f"{'how sure':<14}{'unsure':>8}{'wrong':>7}{'sure':>7}{'wrong':>7}{'wrong ones marked':>19}"
    )
    for field, c in table.items():
        wrong = c["unsure_wrong"] + c["sure_wrong"]
        marked = f"{c['unsure_wrong'] / wrong:.0%}" if wrong else "-"
        print(
            f"{field:<14}{c['unsure']:>8}{_share(c['unsure_wrong'], c['unsure']):>7}"
            f"{c['sure']:>7}{_share(c['sure_wrong'], c['sure']):>7}{marked:>19}"
        )


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def print_errors(mistakes: list[dict], fields: list[str]) -> None:
    """The mistakes grouped by field, with a count of extra and missing values."""
    by_field: dict[str, list[dict]] = {}
    for m in mistakes:
        if not fields or m["field"] in fields:
            by_field.setdefault(m["field"], []).append(m)
    for field, items in by_field.items():
        extra = sum(len(m["extra"]) for m in items)
        missing = sum(len(m["missing"]) for m in items)
        print(f"\n== {field}: {len(items)} articles, {extra} extra (+), {missing} missing (-)")
        for m in items:
            print(f"  {m['article'][:40]}")
            for value in m["extra"]:
                print(f"      + {value}")
            for value in m["missing"]:
                print(f"      - {value}")


if __name__ == "__main__":
    raise SystemExit(main())
