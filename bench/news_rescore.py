"""Score one version of the news reader with another version's scorer.

When a round changes what the scorer counts as one organisation (the reader's table of
known names, ``doingoai.news.matching.organisation_key``), the unchanged reader's
"before" is scored again with the new scorer, so that before and after are read on one
scorer:

    # 1. with the old version's sources (e.g. a checkout of main), keep what it read
    PYTHONPATH=OLD/src .venv/bin/python bench/news_rescore.py read PART OUT.json
    # 2. with this version's sources, score what was kept
    .venv/bin/python bench/news_rescore.py score PART OUT.json

``read`` writes the reader's output per article (not printed); ``score`` prints the same
table as ``news_bench.py`` (fields, all fields, invented years) and nothing else, so a
kept-apart part can be scored this way without listing its mistakes. Needs no database.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")


def read(part: Path, out: Path) -> None:
    from doingoai.news.scoring import load_corpus, read_article

    got = {src.name: read_article(src, label) for src, label in load_corpus(part)}
    out.write_text(json.dumps(got, ensure_ascii=False, default=str), encoding="utf-8")


def score(part: Path, kept: Path) -> None:
    from doingoai.news.scoring import load_corpus, score_pairs

    got = json.loads(kept.read_text(encoding="utf-8"))
    corpus = load_corpus(part)
    report = score_pairs([(src.name, got[src.name], label) for src, label in corpus])
    print(f"{'field':<14}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'pred':>6}{'exp':>6}")
    tp = predicted = expected = 0
    for field, f in report["fields"].items():
        p, r = f["precision"], f["recall"]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"{field:<14}{p:>10.3f}{r:>10.3f}{f1:>8.3f}{f['tp']:>6}{f['predicted']:>6}"
            f"{f['expected']:>6}"
        )
        tp, predicted, expected = tp + f["tp"], predicted + f["predicted"], expected + f["expected"]
    p = tp / predicted if predicted else 1
    r = tp / expected if expected else 1
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{'all fields':<14}{p:>10.3f}{r:>10.3f}{f1:>8.3f}{tp:>6}{predicted:>6}{expected:>6}")
    invented = 0
    for src, label in corpus:
        text = src.read_text(encoding="utf-8", errors="replace")
        for name in ("start_date", "end_date"):
            value = got[src.name].get(name)
            if value and value[:4] not in text and value[:4] != (label.get("_published") or "")[:4]:
                invented += 1
    print(f"{len(corpus)} articles")
    print(f"dates with an invented year (not in the text nor the publication date): {invented}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("read", "score"))
    parser.add_argument("part", type=Path)
    parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    django.setup()
    if args.action == "read":
        read(args.part, args.file)
    else:
        score(args.part, args.file)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
