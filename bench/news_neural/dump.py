"""Dump the news corpus to JSON for the neural tagger: per article its text, tokens, gold
BIO tags, the rules' tags, the gazetteer's place tags, the labels and the rules' output,
all computed by the product's own code (``news_crf._article``).

    .venv/bin/python bench/news_neural/dump.py test  [--work DIR]   # fresh31 + fresh32
    .venv/bin/python bench/news_neural/dump.py train [--work DIR]   # every other part

Runs with the product's .venv (Python 3.12+, Django). Writes DIR/test.json or
DIR/train.json (DIR defaults to /tmp/news_neural). fresh33/ and fresh34/ are never read.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import news_crf as nc  # noqa: E402  (sets up Django)

from doingoai.news.scoring import load_corpus  # noqa: E402

CORPUS = ROOT / "bench" / "news" / "corpus"
FORBIDDEN = {"fresh33", "fresh34"}  # kept unseen: never read by this experiment
TEST_PARTS = {"fresh31", "fresh32"}


def dump(parts, out):
    arts = []
    for part in parts:
        assert part.name not in FORBIDDEN
        for s, lab in load_corpus(part):
            a = nc._article(s, lab)
            arts.append(
                {
                    "id": f"{part.name}/{s.stem}",
                    "num": int(s.stem.split("_")[0]),
                    "text": a["text"],
                    "toks": a["toks"],
                    "gold": a["gold"],
                    "rule": a["rule"],
                    "place": a["place"],
                    "label": {f: lab.get(f) or [] for f in nc.FIELDS},
                    "rules_out": a["rules_out"],
                }
            )
        print(part.name, len(arts), file=sys.stderr, flush=True)
    Path(out).write_text(json.dumps(arts, ensure_ascii=False))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("which", choices=("train", "test"))
    ap.add_argument("--work", default="/tmp/news_neural", help="where to write the JSON")
    a = ap.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    parts = sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name not in FORBIDDEN)
    if a.which == "test":
        dump([p for p in parts if p.name in TEST_PARTS], work / "test.json")
    else:
        dump([p for p in parts if p.name not in TEST_PARTS], work / "train.json")


if __name__ == "__main__":
    main()
