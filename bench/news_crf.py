"""The news reader's CRF (``doingoai.news.model``) against its rules, and the model the
product ships: trained on labelled parts of bench/news/corpus, scored on another.

    .venv/bin/python bench/news_crf.py bench/news/corpus/tune [bench/news/corpus/holdout ...] \
        [--test PART] [--folds 5] [--save src/doingoai/news/data/news_crf.crfsuite]

Several training parts are pooled. Without ``--test`` it cross-validates on them
(``--folds``). Readers scored per field (precision, recall, F1 over sets of folded names,
as ``doingoai.news.scoring``): ``rules`` (the rules alone), ``crf`` (a CRF on words, shapes
and the gazetteer), ``both`` (the CRF also given the rules' spans as features: the hybrid),
``fill`` (the rules' names, and ``both``'s where the rules found none for a field) and
``unionT`` (the rules' names and the hybrid's names it is sure of: every token's marginal
at least T; the product reads with T = ``model.SURE`` for partners and places). The
training tags come from the labels: every place in the text where a labelled name is
written is tagged B-/I-<field>; labels the text does not hold word for word (a name
completed or normalised by the labeller) give no tag. ``--save`` trains the hybrid on all
the training parts and writes it where the product reads it. Features, tokens and names
are the product's own (``doingoai.news.model``); python-crfsuite is a dependency.
"""

from __future__ import annotations

import argparse
import os
import random
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
from doingoai.news import model as crf  # noqa: E402
from doingoai.news.extraction import _mask, extract  # noqa: E402
from doingoai.news.gazetteer import find_places  # noqa: E402
from doingoai.news.scoring import load_corpus  # noqa: E402

FIELDS = crf.TAGGED
UNION_AT = (0.5, 0.7, 0.9)


def _article(source: Path, label: dict) -> dict:
    text = unicodedata.normalize("NFC", source.read_text(encoding="utf-8"))
    masked = _mask(text)[0]
    toks = crf.tokens(masked)
    published = None
    if label.get("_published"):
        from datetime import date

        published = date.fromisoformat(label["_published"])
    # the rules alone: their reading is what the model is given
    ex = extract(text, published=published, use_model=False)
    gold = ["O"] * len(toks)
    folded = [fold(t) for _, _, t in toks]
    for field in FIELDS:
        for value in label.get(field) or []:
            want = [fold(t) for _, _, t in crf.tokens(value)]
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
        "rule": crf.rule_tags(toks, ex.spans),
        "place": crf.place_tags(toks, find_places(masked)),
        "gold": gold,
        "label": label,
        "rules_out": {f: getattr(ex, f) for f in FIELDS},
    }


def features(art: dict, with_rules: bool) -> list[dict]:
    return crf.features(art["toks"], art["place"], art["rule"] if with_rules else None)


def train(arts: list[dict], with_rules: bool, model_path: str) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for art in arts:
        trainer.append(features(art, with_rules), art["gold"])
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150})
    trainer.train(model_path)


def predict(arts: list[dict], with_rules: bool, model_path: str, sure: float = 0.0) -> list[dict]:
    """The names the model tags; with ``sure``, only those whose every token's tag has a
    marginal probability of at least ``sure``."""
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    out = []
    for art in arts:
        tagger.set(features(art, with_rules))
        tags = tagger.tag()
        found = crf.names(
            art["text"], art["toks"], tags, lambda k, tag: tagger.marginal(tag, k), sure
        )
        out.append({f: [n for n, _, _ in found[f]] for f in FIELDS})
    return out


def union(first: dict, second: dict) -> dict:
    """``first``'s names per field, then ``second``'s that ``first`` does not hold (folded)."""
    return {
        f: first[f] + [n for n in second[f] if fold(n) not in {fold(x) for x in first[f]}]
        for f in FIELDS
    }


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
    pairs = [(s, lab) for part in args.train for s, lab in load_corpus(part)]
    train_arts = []
    for k, (s, lab) in enumerate(pairs, 1):
        train_arts.append(_article(s, lab))
        if k % 100 == 0 or k == len(pairs):
            print(f"read {k}/{len(pairs)} training articles", file=sys.stderr, flush=True)
    model = "/tmp/news_crf_model.crfsuite"
    results: dict[str, list] = {"rules": [], "crf": [], "both": [], "fill": []}
    results.update({f"union{t}": [] for t in UNION_AT})
    if args.test:
        test_arts = [_article(s, lab) for s, lab in load_corpus(args.test)]
        splits = [(train_arts, test_arts)]
    else:
        order = list(range(len(train_arts)))
        random.Random(18).shuffle(order)
        splits = []  # --folds 0: no evaluation, only --save
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
        # "unionT": the rules' names and the hybrid's names it is sure of (every token's
        # marginal at least T)
        for t in UNION_AT:
            sure = predict(te, True, model, sure=t)
            results[f"union{t}"].extend(
                union(a["rules_out"], b) for a, b in zip(te, sure, strict=True)
            )
    # "fill": the rules' names, and the hybrid's only where the rules found none for a field
    results["fill"] = [
        {f: (r[f] if r[f] else b[f]) for f in FIELDS}
        for r, b in zip(results["rules"], results["both"], strict=True)
    ]
    if not evaluated:
        results = {}
    print(f"{len(evaluated)} articles scored ({'test part' if args.test else 'cross-validation'})")
    print(f"{'reader':<9}" + "".join(f"{f + ' P/R/F1':>24}" for f in FIELDS))
    for mode, outs in results.items():
        rep = score(evaluated, outs)
        print(f"{mode:<9}" + "".join(f"{'/'.join(f'{x:.3f}' for x in rep[f]):>24}" for f in FIELDS))
    if args.save:
        print(f"training the hybrid on {len(train_arts)} articles ...", file=sys.stderr, flush=True)
        train(train_arts, True, args.save)
        print(f"model saved: {args.save} ({Path(args.save).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
