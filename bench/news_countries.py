"""A country selector for the news reader, measured and not shipped: which of the
countries the rules list is the article about. Trained on labelled parts of
bench/news/corpus and scored on others (bench/news/RESULTS.md, stop 46: it gained about
0.01 F1 in cross-validation and nothing on two parts it had not seen).

    .venv/bin/python bench/news_countries.py PART [PART ...] [--test PART ...] [--cv]

The rules list every foreign country the text names and the countries of the partners
they read; a candidate is right when the label lists it. ``--cv`` cross-validates over the
training parts (folds by part, so that no part is both trained and scored on); ``--test``
trains on the training parts and scores the test parts. Both print countries' precision,
recall and F1 for the rules (every candidate kept) and for the selector at several
thresholds, counting the labelled countries that are no candidate as missed. The
selector is scikit-learn's logistic regression over how each country is written
(:func:`country_features`): features that say nothing of which country it is, so that what
it learns could carry to articles on other themes.
"""

from __future__ import annotations

import math
import os
import re
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
django.setup()


import news_selectors as selectors  # noqa: E402

_BEFORE = {
    "located": re.compile(r"(?:\b(?:tại|ở|sang|đến|tới|thăm|về|từ)\s+(?:nước\s+)?)$", re.I),
    "envoy": re.compile(
        r"\b(?:đại\s+sứ(?:\s+quán)?|lãnh\s+sự(?:\s+quán)?|tổng\s+lãnh\s+sự(?:\s+quán)?|"
        r"chính\s+phủ|nhà\s+nước|quốc\s+hội|bộ\s+\w+(?:\s+\w+){0,4}|đoàn(?:\s+\w+){0,3})"
        r"\s+(?:nước\s+)?$",
        re.I,
    ),
    "of": re.compile(r"\bcủa\s+(?:nước\s+)?$", re.I),
    "people": re.compile(r"\b(?:người|nhân\s+dân|công\s+dân|bạn\s+bè)\s+$", re.I),
    "example": re.compile(r"\b(?:như|kể\s+cả|trong\s+đó\s+có)\b[^.\n]{0,60}$", re.I),
    "with": re.compile(r"\b(?:với|giữa|cùng)\s+(?:nước\s+)?$", re.I),
    "body": re.compile(
        r"\b(?:tổ\s+chức|hội|quỹ|công\s+ty|tập\s+đoàn|trường|đại\s+học|viện|trung\s+tâm|"
        r"bệnh\s+viện|cơ\s+quan)\b[^.,;\n()]{0,50}$",
        re.I,
    ),
}
_PAIR = re.compile(r"Việt(?:\s+Nam)?\s*[-–—]\s*$|^\s*[-–—]\s*Việt(?:\s+Nam)?\b")
_LISTED = re.compile(r"^\s*(?:,|và|;)\s*$")
_FURNITURE = re.compile(
    r"(?i)\b(?:tin\s+liên\s+quan|bài\s+liên\s+quan|tin\s+cùng\s+chuyên\s+mục|xem\s+thêm|"
    r"tin\s+khác|bài\s+viết\s+khác|đọc\s+thêm|tin\s+mới)\b"
)


def country_features(
    work: str,
    title_span: tuple[int, int],
    lead_end: int,
    hits,
    partner_countries: set[str],
    candidates: list[str],
) -> dict[str, dict[str, float]]:
    """How each candidate country is written in the article: ``hits`` are the gazetteer's
    places (a country's own name or a place in it), ``partner_countries`` those of the
    partners the rules read."""
    n = max(len(work), 1)
    furniture = _FURNITURE.search(work, title_span[1])
    tail_from = furniture.start() if furniture else n
    own = [h for h in hits if h.match.kind in ("country", "subdivision") or h.match.foreign]
    by_country: dict[str, list] = {}
    for h in own:
        code = h.match.code if h.match.kind == "country" else h.match.country
        by_country.setdefault(code, []).append(h)
    out = {}
    for code in candidates:
        mine = by_country.get(code, [])
        f: dict[str, float] = {"bias": 1.0}
        f["partner"] = float(code in partner_countries)
        f["unmentioned"] = float(not mine)
        f["mentions"] = math.log1p(len(mine))
        f["others"] = math.log1p(len(candidates) - 1)
        top = max((len(v) for c, v in by_country.items() if c in candidates), default=0)
        f["most_named"] = float(bool(mine) and len(mine) == top)
        if mine:
            first = min(h.start for h in mine)
            f["first_at"] = first / n
            f["title"] = float(any(title_span[0] <= h.start < title_span[1] for h in mine))
            f["lead"] = float(any(title_span[1] <= h.start < lead_end for h in mine))
            f["only_tail"] = float(all(h.start >= tail_from for h in mine))
            f["own_name"] = float(any(h.match.kind == "country" for h in mine))
            f["place_in_it"] = float(any(h.match.kind != "country" for h in mine))
            for name, pattern in _BEFORE.items():
                f["before_" + name] = float(
                    any(pattern.search(work, max(0, h.start - 70), h.start) for h in mine)
                )
            f["pair"] = float(
                any(
                    _PAIR.search(work[max(0, h.start - 12) : h.start])
                    or _PAIR.search(work[h.end : h.end + 12])
                    for h in mine
                )
            )
            f["parenthesised"] = float(
                any(work[max(0, h.start - 1) : h.start] == "(" for h in mine)
            )
            ends = {h.end for h in own}
            starts = {h.start for h in own}
            f["in_list"] = float(
                any(
                    any(_LISTED.match(work[e : h.start]) for e in ends if 0 < h.start - e <= 5)
                    or any(_LISTED.match(work[h.end : s]) for s in starts if 0 < s - h.end <= 5)
                    for h in mine
                )
            )
            sents = set()
            pos = neg = 0.0
            for h in mine:
                a = max(work.rfind(".", 0, h.start), work.rfind("\n", 0, h.start)) + 1
                b = min(x for x in (work.find(".", h.end), work.find("\n", h.end), n) if x >= 0)
                sents.add(a)
                sentence = work[a:b]
                pos = max(pos, float(bool(_CUE_POS.search(sentence))))
                neg = max(neg, float(bool(_CUE_NEG.search(sentence))))
            f["sentences"] = math.log1p(len(sents))
            f["cue_pos"] = pos
            f["cue_neg"] = neg
        out[code] = f
    return out


_CUE_POS = re.compile(
    r"(?i)\b(?:tài\s+trợ|hỗ\s+trợ|viện\s+trợ|trao\s+tặng|ký\s+kết|hợp\s+tác|thăm|tiếp|"
    r"đoàn|đại\s+diện|làm\s+việc|hội\s+đàm)\b"
)
_CUE_NEG = re.compile(
    r"(?i)\b(?:kinh\s+nghiệm|so\s+với|trên\s+thế\s+giới|khu\s+vực|đứng\s+thứ|xếp\s+hạng|"
    r"du\s+học|xuất\s+khẩu|nhập\s+khẩu|thị\s+trường)\b"
)


THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


def read_part(part: str) -> list[dict]:
    """Per article: its candidates' features, and the labelled countries."""
    out = []
    for source, label, _, traced in selectors.traced_articles(part, "COUNTRY_TRACE"):
        features = country_features(*traced) if traced else {}
        gold = {c.upper() for c in label.get("countries") or []}
        candidates = [(f, code) for code, f in features.items()]
        out.append({"name": source.name, "part": part, "candidates": candidates, "gold": gold})
    return out


if __name__ == "__main__":
    raise SystemExit(
        selectors.main(
            None,
            description=__doc__.splitlines()[0],
            read_part=read_part,
            thresholds=THRESHOLDS,
            keep=0.5,
        )
    )
