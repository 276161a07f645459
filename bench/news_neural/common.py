"""Pure-Python copies of ``doingoai.core.text.fold``, ``doingoai.news.model.names`` and
``news_crf.score``, so that train.py (torch venv, without the product or Django) can score
the dev split the same way the product does. Standard library only; imported by train.py.
"""

import re
import unicodedata

FIELDS = ("units", "partners", "places")
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def strip_marks(v):
    v = v.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", v) if not unicodedata.combining(ch))


def fold(v):
    if not v:
        return ""
    v = strip_marks(unicodedata.normalize("NFC", v)).lower()
    v = _PUNCT.sub(" ", v).replace("_", " ")
    return _SPACES.sub(" ", v).strip()


def names(text, toks, tags, marginal=None, sure=0.0):
    out = {f: [] for f in FIELDS}
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


def score(arts, outputs):
    totals = {f: [0, 0, 0] for f in FIELDS}
    for art, got in zip(arts, outputs, strict=True):
        for f in FIELDS:
            p = {fold(v) for v in got[f] if v}
            e = {fold(v) for v in art["label"].get(f) or [] if v}
            totals[f][0] += len(p & e)
            totals[f][1] += len(p)
            totals[f][2] += len(e)
    rep = {}
    for f, (tp, pred, exp) in totals.items():
        pr = tp / pred if pred else 1.0
        rc = tp / exp if exp else 1.0
        rep[f] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return rep


def union(rules_out, sure_out):
    return [
        {f: r[f] + [n for n in b[f] if fold(n) not in {fold(x) for x in r[f]}] for f in FIELDS}
        for r, b in zip(rules_out, sure_out, strict=True)
    ]


def fmt(rep):
    return "".join(f"{'/'.join(f'{x:.3f}' for x in rep[f]):>24}" for f in FIELDS)
