"""The news reader's statistical half: a linear-chain CRF (python-crfsuite) that tags the
names of partners and places, given the words, their shapes, the gazetteer's places and
what the rules read (the "hybrid" of bench/news_crf.py).

The rules come first. The model only adds the partners it is sure of (every word of the
name tagged with a probability of at least :data:`SURE`) that the rules did not read; each
addition is marked unsure on the review page ("found by the model"). Measured on real
articles neither the rules nor the model had seen, the union scored higher than the rules
alone for partners on every such part (bench/news/RESULTS.md, "A hybrid reader").

The model is trained on the labelled corpus of real articles (bench/news/corpus) and
shipped in ``data/news_crf.crfsuite``: nothing is downloaded at run time. Its features
include the rules' own output, so it is trained again whenever the rules change:

    .venv/bin/python bench/news_crf.py bench/news/corpus/* --folds 0 \
        --save src/doingoai/news/data/news_crf.crfsuite
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from doingoai.core.text import fold

#: the fields the model tags (units too: its tags help it tell them from partners)
TAGGED = ("units", "partners", "places")
# The reader adds the model's partners only (``extraction._add_model_partners``). It added
# its places too at first; on the three parts kept apart from the rules and the model while
# it shipped (fresh17/ to fresh19/, 154 articles) its places scored 0.597 against the rules'
# 0.600, its partners 0.681 against 0.671 (bench/news/RESULTS.md).
#: how sure the model must be of every word of a name to add it
SURE = 0.9
#: the shipped model; ``DOINGOAI_NEWS_MODEL`` reads another one (bench/news_crf.py's
#: experiments: a model trained without the articles it is scored on)
MODEL_PATH = Path(
    os.environ.get("DOINGOAI_NEWS_MODEL")
    or Path(__file__).resolve().parent / "data" / "news_crf.crfsuite"
)

_TOKEN = re.compile(r"\w+(?:[-.&]\w+)*|[^\w\s]")
_local = threading.local()


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def tags_of(toks: list[tuple[int, int, str]], spans, label) -> list[str]:
    """One tag per token: ``label(span)`` for the tokens inside a span, "O" elsewhere."""
    out = ["O"] * len(toks)
    for span in spans:
        name, s, e = label(span), span[-2], span[-1]
        if name is None:
            continue
        for i, (ts, te, _) in enumerate(toks):
            if s <= ts and te <= e:
                out[i] = name
    return out


def rule_tags(toks, spans: list[tuple[str, int, int]]) -> list[str]:
    """The rules' reading as a tag per token (``Extraction.spans``)."""
    return tags_of(toks, spans, lambda span: span[0] if span[0] in TAGGED else None)


def place_tags(toks, hits) -> list[str]:
    """The gazetteer's places as a tag per token: their kind, foreign or Vietnamese."""
    spans = [(h.match.kind + ("-f" if h.match.foreign else "-vn"), h.start, h.end) for h in hits]
    return tags_of(toks, spans, lambda span: span[0])


def _word(tok: str, place: str, rule: str) -> dict:
    f = fold(tok)
    return {
        "w": f,
        "cap": tok[:1].isupper(),
        "upper": tok.isupper() and len(tok) > 1,
        "digit": tok.isdigit(),
        "punct": not tok[:1].isalnum(),
        "suf2": f[-2:],
        "place": place,
        "rule": rule,
    }


def features(toks, places: list[str], rules: list[str] | None) -> list[dict]:
    """The features of each token: the word and its neighbours (two on each side).
    ``rules`` None leaves the rules' tags out (the model alone, for comparison)."""
    base = [
        _word(t, places[i], rules[i] if rules is not None else "")
        for i, (_, _, t) in enumerate(toks)
    ]
    if rules is None:
        for b in base:
            del b["rule"]
    out = []
    for i in range(len(toks)):
        feats: dict = {"bias": 1.0, **base[i]}
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(toks):
                for k in ("w", "cap", "place", "rule", "punct"):
                    if k in base[j]:
                        feats[f"{off}:{k}"] = base[j][k]
            else:
                feats[f"{off}:edge"] = True
        if 0 < i < len(toks) - 1:
            feats["-1w+1w"] = base[i - 1]["w"] + "|" + base[i + 1]["w"]
        out.append({k: (v if isinstance(v, float) else str(v)) for k, v in feats.items()})
    return out


def names(text: str, toks, tags: list[str], marginal=None, sure: float = 0.0) -> dict:
    """The names a tag sequence marks, per field, as ``(name, start, end)``; with
    ``marginal`` (token index, tag -> probability) only those sure to ``sure``."""
    out: dict[str, list[tuple[str, int, int]]] = {f: [] for f in TAGGED}
    i = 0
    while i < len(tags):
        if not tags[i].startswith("B-"):
            i += 1
            continue
        field = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{field}":
            j += 1
        start, end = toks[i][0], toks[j - 1][1]
        name = " ".join(text[start:end].split())
        unsure = sure and min(marginal(k, tags[k]) for k in range(i, j)) < sure
        if not unsure and fold(name) not in {fold(n) for n, _, _ in out[field]}:
            out[field].append((name, start, end))
        i = j
    return out


def _tagger():
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(MODEL_PATH))
        _local.tagger = tagger
    return tagger


def sure_names(work: str, spans, hits) -> dict[str, list[tuple[str, int, int]]]:
    """The names the model is sure of in ``work`` (the masked text the rules read), per
    tagged field, given the rules' ``spans`` and the gazetteer's ``hits``."""
    toks = tokens(work)
    if not toks:
        return {f: [] for f in TAGGED}
    tagger = _tagger()
    tagger.set(features(toks, place_tags(toks, hits), rule_tags(toks, spans)))
    tags = tagger.tag()
    return names(work, toks, tags, lambda k, tag: tagger.marginal(tag, k), SURE)
