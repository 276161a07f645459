"""Experiment (not shipped): a learned selector of places over the news reader's own
candidates, against the reader's rules on the same candidates.

    .venv/bin/python bench/news_place_selector.py --train tune holdout ... --test fresh6 ...

Every place the reader considers (``extraction.PLACE_TRACE``: a gazetteer hit, a venue,
a named place it does not know) is one example, labelled by whether the article's label
lists that place (``matching.place_key``); its features are the rules' own decisions
(located after "tại"/"ở", taken), where it stands (headline, lead, position), what kind
of place it is, its mentions and the words around it. A logistic regression (plain
Python, no package) is trained on the ``--train`` parts; an article's places are the
ones whose best mention scores above a threshold. Printed: F1 on the training and test
parts for a grid of regularisations and thresholds, with and without the word features,
and the rules' F1 on the same test articles. bench/news/RESULTS.md says what it gave.
"""

import collections
import math
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
import django  # noqa: E402

django.setup()
from doingoai.news import extraction as X  # noqa: E402
from doingoai.news.gazetteer import fold  # noqa: E402
from doingoai.news.matching import place_key as key  # noqa: E402
from doingoai.news.scoring import load_corpus, read_article  # noqa: E402


def toks(s):
    return re.findall(r"\w+", fold(s))


def feats(work, ts, ls, c, taken_set, mentions, first_pos):
    s, e, k, located = c
    f = {"bias": 1.0}
    f["located"] = float(located)
    f["taken"] = float(c in taken_set)
    f["in_title"] = float(ts[0] <= s < ts[1])
    f["in_lead"] = float(ls[0] <= s < ls[1])
    f["pos"] = s / max(1, len(work))
    f["early"] = float(s < 400)
    kind = (
        "venue"
        if not isinstance(k, str)
        else (
            "named"
            if k.startswith("named:")
            else ("vn" if k.startswith("VN") or k.isdigit() else "other")
        )
    )
    f["kind=" + kind] = 1.0
    if isinstance(k, str) and "-" in k and not k.startswith("named:"):
        f["foreign_sub"] = float(not k.startswith("VN"))
    f["mentions"] = min(mentions, 5) / 5
    f["first"] = float(s == first_pos)
    before = toks(work[max(0, s - 30) : s])[-3:]
    for i, t in enumerate(reversed(before)):
        f[f"b{i}={t}"] = 1.0
    if before:
        f["b01=" + " ".join(before[-2:])] = 1.0
    after = toks(work[e : e + 20])[:2]
    for i, t in enumerate(after):
        f[f"a{i}={t}"] = 1.0
    name = toks(work[s:e])
    if name:
        f["w0=" + name[0]] = 1.0
    f["paren"] = float(work.rfind("(", max(0, s - 60), s) > work.rfind(")", max(0, s - 60), s))
    f["announced"] = float(X._announced(work, s))
    f["len"] = min(len(name), 8) / 8
    return f


def examples(parts):
    out = []
    for part in parts:
        for src, label in load_corpus(ROOT / "bench" / "news" / "corpus" / part):
            X.PLACE_TRACE = []
            got = read_article(src, label)
            work, ts, ls, cands, taken = X.PLACE_TRACE[-1]
            allc = list(dict.fromkeys(list(cands) + list(taken)))
            taken_set = set(taken)
            keys = collections.Counter(key(work[s:e]) for s, e, *_ in allc)
            firsts = {}
            for c in sorted(allc):
                firsts.setdefault(key(work[c[0] : c[1]]), c[0])
            lab = {key(p) for p in label.get("places") or []}
            rows = []
            for c in allc:
                kk = key(work[c[0] : c[1]])
                rows.append(
                    (kk, feats(work, ts, ls, c, taken_set, keys[kk], firsts[kk]), kk in lab)
                )
            out.append((part, src.name, rows, lab, {key(p) for p in got["places"]}))
    return out


def train(arts, l2=1.0, epochs=60, lr=0.3, min_count=2):
    cnt = collections.Counter(n for a in arts for _, f, _ in a[2] for n in f)
    vocab = {n for n, v in cnt.items() if v >= min_count}
    w = collections.defaultdict(float)
    data = [(f, y) for a in arts for _, f, y in a[2]]
    random.seed(0)
    for ep in range(epochs):
        random.shuffle(data)
        for f, y in data:
            z = sum(w[n] * v for n, v in f.items() if n in vocab)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - y
            for n, v in f.items():
                if n in vocab:
                    w[n] -= lr / (1 + ep) * (g * v + l2 * w[n] / len(data))
    return dict(w)


def prob(w, f):
    z = sum(w.get(n, 0.0) * v for n, v in f.items())
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def evaluate(w, arts, t):
    tp = pred = exp = 0
    rtp = rpred = 0
    for _part, _name, rows, lab, rules in arts:
        best = collections.defaultdict(float)
        for k, f, _y in rows:
            best[k] = max(best[k], prob(w, f))
        sel = {k for k, p in best.items() if p >= t}
        tp += len(sel & lab)
        pred += len(sel)
        exp += len(lab)
        rtp += len(rules & lab)
        rpred += len(rules)

    def f1(tp, pred, exp):
        P = tp / pred if pred else 0
        R = tp / exp if exp else 0
        return 2 * P * R / (P + R) if P + R else 0

    return f1(tp, pred, exp), (tp, pred, exp), f1(rtp, rpred, exp), (rtp, rpred, exp)


def strip_lex(arts):
    lexical = re.compile(r"^(b\d|b01|a\d|w0)=")
    return [
        (
            p,
            n,
            [(k, {a: b for a, b in f.items() if not lexical.match(a)}, y) for k, f, y in rows],
            lab,
            rules,
        )
        for p, n, rows, lab, rules in arts
    ]


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--train",
        nargs="+",
        default=["tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"],
    )
    parser.add_argument("--test", nargs="+", default=["fresh6", "fresh7", "fresh8", "fresh9"])
    args = parser.parse_args()
    A = examples(args.train)
    B = examples(args.test)
    for label, (a, b) in {
        "all features": (A, B),
        "no word features": (strip_lex(A), strip_lex(B)),
    }.items():
        print(f"== {label}")
        for l2 in (0.3, 1, 3, 10):
            w = train(a, l2=l2)
            for t in (0.3, 0.4, 0.5, 0.6):
                tr = evaluate(w, a, t)
                te = evaluate(w, b, t)
                print(
                    f"l2 {l2:<4} threshold {t}: train F1 {tr[0]:.3f}  test F1 {te[0]:.3f} "
                    f"(tp/pred/exp {te[1]})  rules on test {te[2]:.3f} {te[3]}"
                )
