"""The news reader's acronym selector (``doingoai.news.model.acronym_features``): which of
the acronyms written in an article, and held by no name the reader has read, name a
partner ("do GRSP tài trợ") and which do not ("TP", "USD", "THCS", "(TTXVN)"). Trained on
labelled parts of bench/news/corpus and scored on others.

    .venv/bin/python bench/news_acronyms.py PART [PART ...] [--test PART ...] [--cv] [--C C]

Measured at stop 47 and not shipped (bench/news/RESULTS.md, "Stop 47"): it adds nothing.

Scored as the scorer scores partners: F1 over each article's set of partners (compared by
``matching.organisation_key``), the partners the reader reads without the selector always
kept. The line "keep>=1.01" is the reader without it; "rules (all kept)" adds every
acronym. ``--cv`` cross-validates over the training parts (folds by part) and chooses C;
``--test`` trains on the training parts and scores the test parts.
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

from doingoai.core.text import fold  # noqa: E402
from doingoai.news.matching import organisation_key  # noqa: E402
from doingoai.news.scoring import _values  # noqa: E402

#: two to eight capitals or digits, written as a word of its own
_ACRONYM = re.compile(r"(?<![\w&.-])([A-Z][A-Z0-9&]{1,7})(?![\w&-]|\.\w)")
#: roman numerals ("Đại hội XIII") and a page's clock ("GMT")
_NOT_ACRONYM = re.compile(r"[IVXLC]+|GMT|UTC|[A-Z]{3}\d*(?<=USD|EUR|VND|JPY|AUD|KRW|CNY|GBP)")
_ACRONYM_CUES = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "fund": r"tài\s+trợ|viện\s+trợ|\bhỗ\s+trợ|ủng\s+hộ|tài\s+khoản",
        "work": r"phối\s+hợp|hợp\s+tác|đối\s+tác|\bký\b|thỏa\s+thuận|biên\s+bản",
        "meet": r"\btiếp\b|\bthăm\b|làm\s+việc|hội\s+đàm|\bgặp\b",
        "give": r"\btrao\b|\btặng\b|bàn\s+giao",
        "org": r"\btổ\s+chức\b|\bquỹ\b|\bcơ\s+quan\b|\bcông\s+ty\b|\btập\s+đoàn\b|"
        r"\bđại\s+diện\b|\bgiám\s+đốc\b|\bchủ\s+tịch\b",
        "school": r"\btrường\b|\bhọc\s+sinh\b|\blớp\b",
        "place": r"\btỉnh\b|\bthành\s+phố\b|\bhuyện\b|\bquận\b|\bphường\b|\bxã\b",
        "source": r"\btheo\b|\bnguồn\b|\bảnh\b|\bbáo\b|\bphóng\s+viên\b|\bđài\b",
    }.items()
}
_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+(\w+)")


def acronym_candidates(work: str, read: list[str]) -> list[tuple[str, list[int]]]:
    """The acronyms of ``work`` no name in ``read`` (the partners and units already read)
    holds, each with where it is written."""
    held = {w for name in read for w in re.findall(r"[\w&]+", name)}
    found: dict[str, list[int]] = {}
    for m in _ACRONYM.finditer(work):
        a = m.group(1)
        if a in held or _NOT_ACRONYM.fullmatch(a) or sum(c.isalpha() for c in a) < 2:
            continue
        found.setdefault(a, []).append(m.start())
    return list(found.items())


def acronym_features(work: str, title_end: int, lead_end: int, acronym: str, at: list[int]) -> dict:
    """How an acronym is written, where, and which words stand around it."""
    n = max(len(work), 1)
    size = len(acronym)
    f = {
        "bias": 1.0,
        "at": at[0] / n,
        "title": float(any(p < title_end for p in at)),
        "lead": float(at[0] < lead_end),
        "mentions": math.log1p(len(at)),
        "digit": float(any(c.isdigit() for c in acronym)),
        "amp": float("&" in acronym),
        "len" + str(min(size, 5)): 1.0,
        "a_" + acronym: 1.0,
    }
    for p in at:
        end = p + size
        before, after = work[max(0, p - 60) : p], work[end : end + 60]
        if before.endswith("(") and after.startswith(")"):
            # "(GRSP)": spelt out before, or a source in brackets "(TTXVN)"
            f["paren"] = 1.0
            if re.search(r"[a-zà-ỹ]\s*\($", before):
                f["paren_after_word"] = 1.0
        line_start = work.rfind("\n", 0, p) + 1
        line_end = work.find("\n", end)
        if (line_end if line_end >= 0 else n) - line_start < 40:
            f["short_line"] = 1.0
        word = _WORD_BEFORE.search(before)
        if word and word.group(1).islower():
            f["p_" + fold(word.group(1))] = 1.0
        word = _WORD_AFTER.match(after)
        if word and word.group(1).islower():
            f["n_" + fold(word.group(1))] = 1.0
        if re.match(r"[ \t]+(?:tại[ \t]+)?Việt[ \t]+Nam", after):
            f["vietnam_after"] = 1.0
        sentence_start = max(work.rfind(".", 0, p), line_start - 1) + 1
        sentence_end = min(x for x in (work.find(".", end), line_end, n) if x >= 0)
        sentence = work[sentence_start:sentence_end]
        for name, pattern in _ACRONYM_CUES.items():
            if pattern.search(sentence):
                f["s_" + name] = 1.0
    return f


def read_part(part: str) -> list[dict]:
    """Per article: the partners read without the selector (the scorer's keys), each
    acronym candidate as its features and its key, and the labelled partners' keys."""
    out = []
    for source, label, got, traced in selectors.traced_articles(part, "ACRONYM_TRACE"):
        work, title_end, lead_end, read = traced
        base = _values("partners", {"partners": got.partners})
        candidates = [
            (acronym_features(work, title_end, lead_end, a, at), organisation_key(a))
            for a, at in acronym_candidates(work, read)
        ]
        candidates = [(f, key) for f, key in candidates if key not in base]
        gold = _values("partners", label)
        out.append(
            {
                "name": source.name,
                "part": part,
                "base": base,
                "candidates": candidates,
                "gold": gold,
            }
        )
    return out


if __name__ == "__main__":
    sys.exit(
        selectors.main(
            sys.argv[1:],
            description=__doc__.splitlines()[0],
            read_part=read_part,
            thresholds=(0.3, 0.4, 0.5, 0.6, 0.7, 1.01),
            keep=0.5,
        )
    )
