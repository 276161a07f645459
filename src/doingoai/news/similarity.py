"""Near-duplicate articles: the same story with another byline, other photo captions,
other page furniture or a few words edited.

An article is compared by its story alone: the folded words of its lines without
page furniture, datelines and bylines (``documents.segment``). Two stories are the same
when the shingles (runs of ``SHINGLE`` words) of the shorter are mostly found in the
longer (a copy cut short, or with a sentence added, still counts; a word edited changes
only the few shingles holding it) and the shorter is not a mere paragraph of the
longer. The thresholds are measured on the real articles of ``bench/news/corpus``
(``bench/news_duplicates.py``): the most alike two of its 112 different articles share
31% of the shorter's shingles; the least alike of 896 edited copies (8 edits of
each) 59%; the threshold is between, at 45%.

Finding the earlier copy does not read every article: a few runs of words spread over
the story (``anchors``) are looked up in the news items' folded search text first, and
only the items holding one of them are compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from doingoai.core.text import fold

#: words in a shingle
SHINGLE = 5
#: the share of the shorter story's shingles found in the longer one
CONTAINMENT = 0.45
#: the shorter story is at least this share of the longer one (a paragraph quoted in a
#: long round-up is not the same story)
COVERAGE = 0.3
#: how many runs of words are looked up to find the candidates, and how long they are
ANCHORS = 8
ANCHOR_WORDS = 6
#: the longest story compared (a news item's search text holds its first 20,000 chars)
MAX_CHARS = 15_000


def story(text: str) -> str:
    """The folded words of an article's title, body and caption lines: no furniture,
    dateline or byline. Captions stay: the reader cannot always tell a caption from a
    line of the story (one copy's caption is another's paragraph), and a caption added
    to one copy only adds shingles to it."""
    from .documents import segment

    lines = [
        ln.text for ln in segment(text or "") if ln.role in ("title", "body", "caption", "related")
    ]
    return fold(" ".join(lines))[:MAX_CHARS]


def shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@dataclass(frozen=True)
class Likeness:
    #: the share of the shorter story's shingles found in the longer one (0..1)
    containment: float
    #: how long the shorter story is against the longer one (0..1)
    coverage: float

    @property
    def same_story(self) -> bool:
        return self.containment >= CONTAINMENT and self.coverage >= COVERAGE

    @property
    def percent(self) -> int:
        return round(self.containment * 100)


def likeness(a: str, b: str) -> Likeness:
    """How alike two stories (``story()`` outputs) are."""
    sa, sb = shingles(a.split()), shingles(b.split())
    if not sa or not sb:
        return Likeness(0.0, 0.0)
    small, large = sorted((len(sa), len(sb)))
    return Likeness(len(sa & sb) / small, small / large)


def anchors(text: str) -> list[str]:
    """Runs of ANCHOR_WORDS folded words taken within the story's lines, spread over it."""
    from .documents import segment

    runs = []
    for line in segment(text or ""):
        if line.role not in ("body", "caption", "related"):
            continue
        words = fold(line.text).split()
        for i in range(0, len(words) - ANCHOR_WORDS + 1, ANCHOR_WORDS):
            runs.append(" ".join(words[i : i + ANCHOR_WORDS]))
    if len(runs) <= ANCHORS:
        return runs
    step = len(runs) / ANCHORS
    return [runs[int(i * step)] for i in range(ANCHORS)]


def near_duplicates(queryset, text: str, *, exclude=None, limit: int = 3) -> list[tuple]:
    """(news item, Likeness) of the items of ``queryset`` that tell the same story as
    ``text``, most alike first."""
    from django.db.models import Q

    runs = anchors(text)
    if not runs:
        return []
    condition = Q()
    for run in runs:
        condition |= Q(search_text__contains=run)
    candidates = queryset.filter(condition)
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude)
    mine = story(text)
    found = []
    for item in candidates.only("id", "title", "body", "activity").order_by("-pk")[:50]:
        alike = likeness(mine, story(item.body))
        if alike.same_story:
            found.append((item, alike))
    found.sort(key=lambda pair: (-pair[1].containment, pair[0].pk))
    return found[:limit]
