"""Near-duplicate recognition measured on the real articles of bench/news/corpus.

    .venv/bin/python bench/news_duplicates.py [--json]

Two numbers decide the thresholds of ``doingoai.news.similarity``:

* the most alike two *different* articles of the corpus are (every pair of the 112,
  tune and holdout together: none was chosen for being alike), which must stay under
  the thresholds (no false match);
* the least alike an article and an *edited copy* of it are, over every article and
  every edit below, which must reach them (every copy recognised).

The edits are what a second paper or a second upload changes: another byline, photo
captions, page furniture (breadcrumbs, share buttons, related headlines), a few words
changed, a sentence dropped, other line breaks, a copy cut short, and all at once.
Needs no database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from itertools import combinations
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
django.setup()

from doingoai.news import similarity  # noqa: E402
from doingoai.news.similarity import likeness, story  # noqa: E402

CORPUS = ROOT / "bench" / "news" / "corpus"


def articles() -> dict[str, str]:
    return {
        p.stem: p.read_text(encoding="utf-8")
        for part in ("tune", "holdout")
        for p in sorted((CORPUS / part).glob("*.txt"))
    }


def _lines(text: str) -> list[str]:
    return text.split("\n")


def byline(text: str, rng) -> str:
    return text.rstrip() + "\n\n" + rng.choice(["Thu Hà", "Minh Anh (TTXVN)", "PV"]) + "\n"


def captions(text: str, rng) -> str:
    lines = _lines(text)
    at = min(len(lines), 4)
    extra = ["", "anh-1.jpg", "Các đại biểu chụp ảnh lưu niệm. Ảnh: Hồng Nhung", ""]
    return "\n".join(lines[:at] + extra + lines[at:])


def furniture(text: str, rng, others: list[str]) -> str:
    related = [o.split("\n", 1)[0] for o in rng.sample(others, 2)]
    return (
        "Trang chủ > Tin tức > Đối ngoại\nChia sẻ Facebook | In bài\n\n"
        + text.rstrip()
        + "\n\nTin cùng chuyên mục\n"
        + "\n".join(related)
        + "\n"
    )


def small_edits(text: str, rng) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 40)):  # about one word in forty changed
        i = rng.randrange(len(words))
        words[i] = rng.choice(["đã", "cùng", "các", "này", "đó", "nhiều"])
    return " ".join(words)


def sentence_dropped(text: str, rng) -> str:
    sentences = text.split(". ")
    if len(sentences) > 3:
        del sentences[rng.randrange(1, len(sentences) - 1)]
    return ". ".join(sentences)


def line_breaks(text: str, rng) -> str:
    return text.replace(". ", ".\n", 3).replace("\n\n", "\n")


def cut_short(text: str, rng) -> str:
    return text[: int(len(text) * 0.75)]


def all_at_once(text: str, rng, others) -> str:
    text = small_edits(sentence_dropped(text, rng), rng)
    return furniture(byline(captions(line_breaks(text, rng), rng), rng), rng, others)


def edits(text: str, rng, others) -> dict[str, str]:
    return {
        "byline": byline(text, rng),
        "captions": captions(text, rng),
        "furniture": furniture(text, rng, others),
        "small edits": small_edits(text, rng),
        "sentence dropped": sentence_dropped(text, rng),
        "line breaks": line_breaks(text, rng),
        "cut short (3/4)": cut_short(text, rng),
        "all at once": all_at_once(text, rng, others),
    }


def measure() -> dict:
    rng = random.Random(18)
    texts = articles()
    stories = {name: story(text) for name, text in texts.items()}
    different = []
    for a, b in combinations(sorted(stories), 2):
        alike = likeness(stories[a], stories[b])
        different.append((alike.containment, alike.coverage, alike.same_story, a, b))
    copies = []
    names = sorted(texts)
    for name in names:
        others = [texts[o] for o in names if o != name]
        for edit, copy in edits(texts[name], rng, others).items():
            alike = likeness(stories[name], story(copy))
            copies.append((alike.containment, alike.coverage, alike.same_story, name, edit))
    false = [d for d in different if d[2]]
    missed = [c for c in copies if not c[2]]
    top = max(different, key=lambda d: (d[0], d[1]))
    low = min(copies, key=lambda c: (c[0], c[1]))
    return {
        "articles": len(texts),
        "different_pairs": len(different),
        "false_matches": len(false),
        "most_alike_different": {"containment": round(top[0], 3), "pair": top[3:5]},
        "edited_copies": len(copies),
        "copies_missed": len(missed),
        "least_alike_copy": {
            "containment": round(low[0], 3),
            "lowest_coverage": round(min(c[1] for c in copies), 3),
            "article": low[3],
            "edit": low[4],
        },
        "thresholds": {"containment": similarity.CONTAINMENT, "coverage": similarity.COVERAGE},
        "missed": [(c[3], c[4], round(c[0], 3), round(c[1], 1)) for c in missed[:20]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"{result['articles']} real articles, {result['different_pairs']} different pairs")
    print(
        f"  false matches: {result['false_matches']}; most alike different pair: "
        f"containment {result['most_alike_different']['containment']} "
        f"({' / '.join(result['most_alike_different']['pair'])})"
    )
    print(f"{result['edited_copies']} edited copies: missed {result['copies_missed']}")
    low = result["least_alike_copy"]
    print(
        f"  least alike copy: containment {low['containment']} ({low['article']}, "
        f"{low['edit']}); lowest coverage {low['lowest_coverage']}"
    )
    print(f"thresholds: {result['thresholds']}")
    for miss in result["missed"]:
        print("  missed:", *miss)


if __name__ == "__main__":
    main()
