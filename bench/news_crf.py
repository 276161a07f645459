"""A CRF for the news reader's entity fields (units, partners, places), compared with
the rules: trained on one labelled part of bench/news/corpus, scored on another.

    PYTHONPATH=<dir with python-crfsuite> .venv/bin/python bench/news_crf.py \
        bench/news/corpus/tune [bench/news/corpus/holdout ...] [--test PART] [--folds 5]

Several training parts are pooled. Without ``--test`` it cross-validates on them
(``--folds``). Four readers are scored per field (precision, recall, F1 over sets of
folded names, as ``doingoai.news.scoring``): ``rules`` (the reader as it is), ``crf`` (a
CRF on words, shapes and the gazetteer), ``both`` (the CRF also given the rules' spans as
features: the hybrid) and ``fill`` (the rules' names, and ``both``'s where the rules found
none for a field). The training tags come from the labels: every place in the text where
a labelled name is written is tagged B-/I-<field>; labels the text does not hold word for
word (a name completed or normalised by the labeller) give no tag.

Needs python-crfsuite 0.9.12 from PyPI (not a dependency of the project: an experiment,
installed apart, e.g. ``pip install --target DIR python-crfsuite==0.9.12``; nothing is
downloaded at run time; see bench/news/RESULTS.md).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import unicodedata
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
django.setup()

import pycrfsuite  # noqa: E402

from doingoai.core.text import fold  # noqa: E402
from doingoai.news.extraction import _mask, extract  # noqa: E402
from doingoai.news.gazetteer import find_places  # noqa: E402
from doingoai.news.scoring import load_corpus  # noqa: E402

FIELDS = ("units", "partners", "places")
_TOKEN = re.compile(r"\w+(?:[-.&]\w+)*|[^\w\s]")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _article(source: Path, label: dict) -> dict:
    text = unicodedata.normalize("NFC", source.read_text(encoding="utf-8"))
    masked = _mask(text)[0]
    toks = _tokens(masked)
    published = None
    if label.get("_published"):
        from datetime import date

        published = date.fromisoformat(label["_published"])
    ex = extract(text, published=published)
    rule_tag = ["O"] * len(toks)
    for name, s, e in ex.spans:
        if name in FIELDS:
            for i, (ts, te, _) in enumerate(toks):
                if s <= ts and te <= e:
                    rule_tag[i] = name
    place_tag = ["O"] * len(toks)
    for hit in find_places(masked):
        for i, (ts, te, _) in enumerate(toks):
            if hit.start <= ts and te <= hit.end:
                place_tag[i] = hit.match.kind + ("-f" if hit.match.foreign else "-vn")
    gold = ["O"] * len(toks)
    folded = [fold(t) for _, _, t in toks]
    for field in FIELDS:
        for value in label.get(field) or []:
            want = [fold(t) for _, _, t in _tokens(value)]
            n = len(want)
            if not n:
                continue
            for i in range(len(toks) - n + 1):
                if folded[i : i + n] == want and all(g == "O" for g in gold[i : i + n]):
                    gold[i] = f"B-{field}"
                    for k in range(i + 1, i + n):
                        gold[k] = f"I-{field}"
    return {
        "toks": toks,
        "text": masked,
        "rule": rule_tag,
        "place": place_tag,
        "gold": gold,
        "label": label,
        "rules_out": {f: getattr(ex, f) for f in FIELDS},
    }


def _word_features(tok: str, place: str, rule: str, with_rules: bool) -> dict:
    f = fold(tok)
    feats = {
        "w": f,
        "cap": tok[:1].isupper(),
        "upper": tok.isupper() and len(tok) > 1,
        "digit": tok.isdigit(),
        "punct": not tok[:1].isalnum(),
        "suf2": f[-2:],
        "place": place,
    }
    if with_rules:
        feats["rule"] = rule
    return feats


def features(art: dict, with_rules: bool) -> list[dict]:
    toks = art["toks"]
    base = [
        _word_features(t, art["place"][i], art["rule"][i], with_rules)
        for i, (_, _, t) in enumerate(toks)
    ]
    out = []
    for i in range(len(toks)):
        feats = {"bias": 1.0}
        for k, v in base[i].items():
            feats[k] = v
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(toks):
                for k in ("w", "cap", "place", "rule", "punct"):
                    if k in base[j]:
                        feats[f"{off}:{k}"] = base[j][k]
            else:
                feats[f"{off}:edge"] = True
        if i > 0 and i + 1 < len(toks):
            feats["-1w+1w"] = base[i - 1]["w"] + "|" + base[i + 1]["w"]
        out.append({k: (str(v) if not isinstance(v, float) else v) for k, v in feats.items()})
    return out


def train(arts: list[dict], with_rules: bool, model_path: str) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for art in arts:
        trainer.append(features(art, with_rules), art["gold"])
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150})
    trainer.train(model_path)


def predict(arts: list[dict], with_rules: bool, model_path: str) -> list[dict]:
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    out = []
    for art in arts:
        tags = tagger.tag(features(art, with_rules))
        names: dict[str, list[str]] = {f: [] for f in FIELDS}
        i = 0
        toks = art["toks"]
        while i < len(tags):
            if tags[i].startswith("B-"):
                field = tags[i][2:]
                j = i + 1
                while j < len(tags) and tags[j] == f"I-{field}":
                    j += 1
                name = " ".join(art["text"][toks[i][0] : toks[j - 1][1]].split())
                if fold(name) not in {fold(n) for n in names[field]}:
                    names[field].append(name)
                i = j
            else:
                i += 1
        out.append(names)
    return out


def score(arts: list[dict], outputs: list[dict]) -> dict:
    totals = {f: [0, 0, 0] for f in FIELDS}
    for art, got in zip(arts, outputs, strict=True):
        for f in FIELDS:
            p = {fold(v) for v in got[f] if v}
            e = {fold(v) for v in art["label"].get(f) or [] if v}
            totals[f][0] += len(p & e)
            totals[f][1] += len(p)
            totals[f][2] += len(e)
    report = {}
    for f, (tp, pred, exp) in totals.items():
        prec = tp / pred if pred else 1.0
        rec = tp / exp if exp else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        report[f] = (prec, rec, f1)
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="+", help="one or more labelled parts (pooled)")
    parser.add_argument("--test")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--save", help="keep the 'both' model trained on all of TRAIN here")
    args = parser.parse_args(argv)
    train_arts = [_article(s, lab) for part in args.train for s, lab in load_corpus(part)]
    model = "/tmp/news_crf_model.crfsuite"
    results: dict[str, list] = {"rules": [], "crf": [], "both": [], "fill": []}
    if args.test:
        test_arts = [_article(s, lab) for s, lab in load_corpus(args.test)]
        splits = [(train_arts, test_arts)]
    else:
        order = list(range(len(train_arts)))
        random.Random(18).shuffle(order)
        splits = []
        for k in range(args.folds):
            held = {order[i] for i in range(k, len(order), args.folds)}
            splits.append(
                (
                    [a for i, a in enumerate(train_arts) if i not in held],
                    [a for i, a in enumerate(train_arts) if i in held],
                )
            )
    evaluated: list[dict] = []
    for tr, te in splits:
        evaluated.extend(te)
        results["rules"].extend(a["rules_out"] for a in te)
        for mode, with_rules in (("crf", False), ("both", True)):
            train(tr, with_rules, model)
            results[mode].extend(predict(te, with_rules, model))
    # "fill": the rules' names, and the hybrid's only where the rules found none for a field
    results["fill"] = [
        {f: (r[f] if r[f] else b[f]) for f in FIELDS}
        for r, b in zip(results["rules"], results["both"], strict=True)
    ]
    print(f"{len(evaluated)} articles scored ({'test part' if args.test else 'cross-validation'})")
    print(f"{'reader':<8}" + "".join(f"{f + ' P/R/F1':>24}" for f in FIELDS))
    for mode, outs in results.items():
        rep = score(evaluated, outs)
        print(f"{mode:<8}" + "".join(f"{'/'.join(f'{x:.3f}' for x in rep[f]):>24}" for f in FIELDS))
    if args.save:
        train(train_arts, True, args.save)
        print(f"model saved: {args.save} ({Path(args.save).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
