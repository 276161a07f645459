"""News reader benchmark: field-level precision and recall over the labelled corpus,
and articles read per second.

    .venv/bin/python bench/news_bench.py [CORPUS_DIR] [--repeat N] [--json]

Reuses :func:`doingoai.news.scoring.score`; needs no database.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from doingoai.news.scoring import score  # noqa: E402


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
    parser.add_argument("-v", "--verbose", action="store_true", help="list the mistakes")
    args = parser.parse_args(argv)
    report = score(args.corpus, repeat=args.repeat)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, default=str, indent=1))
        return 0
    print(f"{'field':<14}{'precision':>10}{'recall':>10}{'tp':>6}{'pred':>6}{'exp':>6}")
    tp = predicted = expected = 0
    for field, f in report["fields"].items():
        print(
            f"{field:<14}{f['precision']:>10.3f}{f['recall']:>10.3f}"
            f"{f['tp']:>6}{f['predicted']:>6}{f['expected']:>6}"
        )
        tp, predicted, expected = tp + f["tp"], predicted + f["predicted"], expected + f["expected"]
    print(
        f"{'all fields':<14}{tp / predicted if predicted else 1:>10.3f}"
        f"{tp / expected if expected else 1:>10.3f}{tp:>6}{predicted:>6}{expected:>6}"
    )
    print(
        f"{report['articles']} articles × {args.repeat}: {report['seconds']:.2f} s, "
        f"{report['articles_per_second']:.1f} articles/s"
    )
    if args.verbose:
        for m in report["mistakes"]:
            print(m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
