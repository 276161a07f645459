"""The CRF's unsure partners re-scored by a classifier on multilingual-E5 embeddings.

    .venv/bin/python bench/news_e5/spans.py fresh42

Candidates: the names the hybrid CRF (bench/news_crf.py) gives a partner's tag to with a
marginal of at least LOW, that the rules did not read. Training candidates come out of
fold (5 folds over every part but the test part, each fold's CRF trained on the other
four); test candidates from the CRF trained on all of them. A logistic regression on the
marginals alone, or on the marginals and the E5 embeddings of the name ("query: ") and of
80 characters around it ("passage: "), keeps a candidate at a threshold chosen on the
training folds. Scored as news_crf.py scores partners: the rules' names and those kept.
"""

from __future__ import annotations

import pickle
import random
import sys
import time

import numpy as np
import pycrfsuite
from common import WORK, articles, e5, nc

from doingoai.core.text import fold

LOW = 0.2


def candidates(arts: list[dict], model_path: str) -> list[dict]:
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    out = []
    for ai, art in enumerate(arts):
        tagger.set(nc.features(art, True))
        tagger.tag()
        toks, text = art["toks"], art["text"]
        begin = [tagger.marginal("B-partners", k) for k in range(len(toks))]
        inside = [tagger.marginal("I-partners", k) for k in range(len(toks))]
        rules = {fold(x) for x in art["rules_out"]["partners"]}
        gold = {fold(v) for v in art["label"].get("partners") or [] if v}
        seen: set[str] = set()
        i = 0
        while i < len(toks):
            if begin[i] + inside[i] < LOW or begin[i] < LOW / 2:
                i += 1
                continue
            j = i + 1
            while j < len(toks) and inside[j] >= LOW:
                j += 1
            s, e = toks[i][0], toks[j - 1][1]
            name = " ".join(text[s:e].split())
            if fold(name) not in rules | seen:
                seen.add(fold(name))
                sure = [begin[k] + inside[k] for k in range(i, j)]
                context = " ".join(text[max(0, s - 80) : e + 80].split())
                out.append(
                    {
                        "art": ai,
                        "name": name,
                        "ctx": context,
                        "minm": min(sure),
                        "meanm": sum(sure) / len(sure),
                        "nw": j - i,
                        "y": int(fold(name) in gold),
                    }
                )
            i = j
    return out


def scored(arts, cands, keep) -> tuple[float, float, float]:
    outs = [list(a["rules_out"]["partners"]) for a in arts]
    for c, k in zip(cands, keep, strict=True):
        if k:
            outs[c["art"]].append(c["name"])
    tp = pred = exp = 0
    for art, names in zip(arts, outs, strict=True):
        p = {fold(v) for v in names if v}
        e = {fold(v) for v in art["label"].get("partners") or [] if v}
        tp, pred, exp = tp + len(p & e), pred + len(p), exp + len(e)
    prec, rec = tp / pred if pred else 1.0, tp / exp if exp else 1.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def main() -> int:
    test_part = sys.argv[1]
    train_arts, test_arts = articles([test_part])
    cache = WORK / f"spans_{test_part}.pkl"
    if cache.exists():
        oof, test = pickle.loads(cache.read_bytes())
    else:
        t0 = time.time()
        order = list(range(len(train_arts)))
        random.Random(18).shuffle(order)
        oof = []
        for k in range(5):
            held = [order[i] for i in range(k, len(order), 5)]
            held_set = set(held)
            path = str(WORK / f"spans_fold{k}.crfsuite")
            nc.train([a for i, a in enumerate(train_arts) if i not in held_set], True, path)
            found = candidates([train_arts[i] for i in held], path)
            for c in found:
                c["art"] = held[c["art"]]
            oof += found
            print(f"fold {k}: {len(found)} candidates, {time.time() - t0:.0f}s", flush=True)
        path = str(WORK / "spans_all.crfsuite")
        nc.train(train_arts, True, path)
        test = candidates(test_arts, path)
        cache.write_bytes(pickle.dumps((oof, test)))

    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    model = e5()

    def features(cands, with_e5):
        base = np.array(
            [[c["minm"], c["meanm"], c["nw"], float(c["name"].isupper())] for c in cands]
        )
        if not with_e5:
            return base
        names = model.query([c["name"] for c in cands])
        contexts = model.passage([c["ctx"] for c in cands])
        return np.hstack([base, names, contexts])

    y = np.array([c["y"] for c in oof])
    print(f"candidates: {len(oof)} out of fold ({y.sum()} partners), {len(test)} on {test_part}")
    print(f"{'reader':<34}{'P/R/F1 on ' + test_part:>24}")
    rules = scored(test_arts, test, [False] * len(test))
    print(f"{'rules':<34}{'/'.join(f'{x:.3f}' for x in rules):>24}")
    for t in (0.5, 0.7, 0.9):
        got = scored(test_arts, test, [c["minm"] >= t for c in test])
        print(f"{f'rules + CRF sure to {t}':<34}{'/'.join(f'{x:.3f}' for x in got):>24}")
    for name, with_e5 in (("marginals", False), ("marginals + E5", True)):
        x_train, x_test = features(oof, with_e5), features(test, with_e5)
        for c in (0.1, 1.0):
            clf = LogisticRegression(C=c, max_iter=3000)
            p_oof = cross_val_predict(clf, x_train, y, cv=5, method="predict_proba")[:, 1]
            _, th = max(
                (scored(train_arts, oof, p_oof >= th)[2], th) for th in np.arange(0.2, 0.95, 0.05)
            )
            clf.fit(x_train, y)
            got = scored(test_arts, test, clf.predict_proba(x_test)[:, 1] >= th)
            label = f"rules + {name} C={c} ≥{th:.2f}"
            print(f"{label:<34}{'/'.join(f'{x:.3f}' for x in got):>24}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
