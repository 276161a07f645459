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

It also holds the kind classifier (:func:`kind_probabilities`, below), trained by
bench/news_kind.py and shipped in ``data/news_kind.json.gz``; it too reads the rules'
output and is trained again with them.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import os
import re
import threading
from array import array
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


# The kind of activity: a linear classifier over the words of the headline and the start of
# the body, given the rules' own kind and the kinds of the events they found (their
# "stacking"). The rules read a kind from the first cue word of the headline or the lead;
# on real articles they often stop at the wrong cue (a gift handed over during a visit, an
# exhibition inside a ceremony). The classifier is trained by bench/news_kind.py (scikit-
# learn's tf-idf and logistic regression, a test dependency) and shipped as its
# vocabulary and weights in ``data/news_kind.json.gz``; this module applies them with the
# same arithmetic (sublinear term frequency times idf, each block scaled to unit length, a
# softmax over the classes), so scikit-learn is not needed at run time.

#: the shipped kind classifier; ``DOINGOAI_NEWS_KIND_MODEL`` reads another one
KIND_MODEL_PATH = Path(
    os.environ.get("DOINGOAI_NEWS_KIND_MODEL")
    or Path(__file__).resolve().parent / "data" / "news_kind.json.gz"
)
#: scikit-learn's default token pattern, on the lowercased text
_KIND_WORD = re.compile(r"\b\w+\b")


def kind_terms(text: str) -> list[str]:
    """The words and word pairs of ``text`` the classifier counts (as scikit-learn's
    ``TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\\b\\w+\\b")``)."""
    words = _KIND_WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _tfidf(text: str, vocabulary: dict) -> list[tuple[list[float], float]]:
    counts: dict[str, int] = {}
    for term in kind_terms(text):
        if term in vocabulary:
            counts[term] = counts.get(term, 0) + 1
    values = [(vocabulary[t], (1.0 + math.log(n)) * vocabulary[t][0]) for t, n in counts.items()]
    norm = math.sqrt(sum(v * v for _, v in values)) or 1.0
    return [(entry[1], v / norm) for entry, v in values]


@functools.cache
def _kind_model() -> dict | None:
    try:
        with gzip.open(KIND_MODEL_PATH, "rt", encoding="utf-8") as f:
            model = json.load(f)
    except FileNotFoundError:
        return None
    # each term's weights as an array of doubles: 9 MB in memory instead of 17 MB of lists
    for block in ("body", "title"):
        model[block] = {t: (idf, array("d", w)) for t, (idf, w) in model[block].items()}
    return model


def kind_probabilities(
    title: str, body: str, rules_kind: str, event_kinds, model: dict | None = None
) -> dict[str, float]:
    """Each kind's probability for an article with headline ``title`` and body ``body``
    (only its first ``head`` characters are read), given what the rules read: their kind
    and the kinds of their events. Empty when no classifier is shipped."""
    model = model if model is not None else _kind_model()
    if not model:
        return {}
    classes = model["classes"]
    scores = list(model["intercept"])
    blocks = [
        (_tfidf(body[: model["head"]], model["body"]), 1.0),
        (_tfidf(title, model["title"]), model["title_weight"]),
    ]
    for block, weight in blocks:
        for weights, value in block:
            for k, w in enumerate(weights):
                scores[k] += w * value * weight
    for name, present in (("rules", {rules_kind}), ("events", set(event_kinds))):
        for kind in present:
            for k, w in enumerate(model[name].get(kind, ())):
                scores[k] += w
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {c: e / total for c, e in zip(classes, exps, strict=False)}


#: kinds too rare in the labelled corpus for the classifier to learn, read by the rules
#: from a word of the text ("trực tuyến" beside the event's name): 10 of 1,175 articles
RULES_KEEP = frozenset({"online_event"})


def choose_kind(probabilities: dict[str, float], rules_kind: str) -> tuple[str, float]:
    """The kind the reader gives and how sure the classifier is of it: the classifier's
    most probable kind, except where the rules read one the classifier cannot learn."""
    if rules_kind in RULES_KEEP:
        return rules_kind, probabilities.get(rules_kind, 0.0)
    kind = max(probabilities, key=probabilities.get)
    return kind, probabilities[kind]


# --- the sums an article reports as its own -------------------------------------------
# The rules read every sum of money the text gives a giver to; about one in three of those
# is background (another project, a period's or a programme's total, an investment). A
# logistic regression over where each sum stands and the words of its clause
# (bench/news_amounts.py) sets aside those it takes for background; the review page lists
# them unticked, so nothing is dropped silently.

#: a sum the selector gives less than this is set aside (bench/news_amounts.py)
AMOUNT_KEEP = 0.4
#: the shipped amount selector; ``DOINGOAI_NEWS_AMOUNTS`` reads another one
AMOUNT_MODEL_PATH = Path(
    os.environ.get("DOINGOAI_NEWS_AMOUNTS")
    or Path(__file__).resolve().parent / "data" / "news_amounts.json"
)

_AMOUNT_WORDS = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "total": r"\btổng\b",
        "project": r"\bdự\s+án\b",
        "phase": r"giai\s+đoạn",
        "budget": r"kinh\s+phí",
        "worth": r"trị\s+giá",
        "fund": r"tài\s+trợ",
        "hand": r"\btrao\b|\btặng\b",
        "support": r"hỗ\s+trợ",
        "aid": r"viện\s+trợ",
        "capital": r"\bvốn\b",
        "invest": r"đầu\s+tư",
        "year": r"\b(?:19|20)\d\d\b",
        "past": r"đến\s+nay|trước\s+đó|đã\s+từng|những\s+năm",
        "each": r"\bmỗi\b|/",
        "of_which": r"trong\s+đó",
        "state_budget": r"ngân\s+sách",
        "pledge": r"cam\s+kết",
        "future": r"dự\s+kiến|\bsẽ\b",
        "foundation": r"\bquỹ\b",
        "years": r"\bnăm\b",
        "about": r"\b(?:hơn|khoảng|gần|trên)\b",
    }.items()
}


def amount_features(work: str, title_end: int, lead_end: int, amounts, k: int) -> dict:
    """Where the ``k``-th of the article's ``amounts`` (``amounts.Amount``, offsets in
    ``work``) stands and which words its clause holds."""
    a = amounts[k]
    n = max(len(work), 1)
    clause_start = max(work.rfind(".", 0, a.start), work.rfind("\n", 0, a.start)) + 1
    clause = work[clause_start : a.end + 40]
    same = [x.value for x in amounts if x.currency == a.currency]
    f = {
        "bias": 1.0,
        "at": a.start / n,
        "title": float(a.start < title_end),
        "lead": float(a.start < lead_end),
        "first": float(k == 0),
        "amounts": math.log1p(len(amounts)),
        "rounded": float(bool(a.over)),
        "given": float(a.direction == "given"),
        "dong": float(a.currency == "VND"),
        "counted": float(a.quantity is not None),
        "largest": float(a.value == max(same)),
    }
    for name, pattern in _AMOUNT_WORDS.items():
        f["w_" + name] = float(bool(pattern.search(clause)))
    return f


@functools.cache
def _amount_model() -> dict | None:
    try:
        return json.loads(AMOUNT_MODEL_PATH.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def amount_probability(features: dict[str, float], model: dict | None = None) -> float | None:
    """How likely the sum is the article's own aid; None when no selector is shipped."""
    model = model if model is not None else _amount_model()
    if not model:
        return None
    score = sum(model["weights"].get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-score))
