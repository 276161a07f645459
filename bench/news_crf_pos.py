"""Experiment (not shipped): does a Vietnamese word segmenter and part-of-speech tagger
help the news reader's CRF on articles it has not seen?

    .venv/bin/pip install underthesea==9.5.0     # not a dependency of the product
    .venv/bin/python bench/news_crf_pos.py TRAIN_PART... --test TEST_DIR

The same readers as ``bench/news_crf.py`` (``crf`` alone, the hybrid ``both``, and the
``unionT`` readers the product ships with T = 0.9), trained and scored twice on the same
split: with the product's features, then with two more per token and its neighbours, the
word it belongs to as the tagger segments it (B/I) and that word's part of speech
(underthesea's CRFs trained on VLSP 2013, which it carries in its package: nothing is
downloaded). bench/news/RESULTS.md says what it gave.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import news_crf  # noqa: E402
from underthesea import pos_tag  # noqa: E402

_plain_article = news_crf._article
_plain_features = news_crf.features


def _pos_tags(text: str, toks) -> list[str]:
    """One tag per token: B-/I- and the part of speech of the word the tagger reads it in."""
    out = ["O"] * len(toks)
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            for word, tag in pos_tag(line):
                at = text.find(word, pos)
                if at < 0:
                    continue
                spans.append((at, at + len(word), tag))
                pos = at + len(word)
        else:
            pos = max(pos, text.find("\n", pos) + 1)
    k = 0
    for i, (s, e, _) in enumerate(toks):
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] <= s and e <= spans[k][1]:
            out[i] = ("B-" if s == spans[k][0] else "I-") + spans[k][2]
    return out


def _article(source, label):
    art = _plain_article(source, label)
    if USE_POS:  # the tagger runs only for the pass that uses it
        art["pos"] = _pos_tags(art["text"], art["toks"])
    return art


def _features(art, with_rules):
    feats = _plain_features(art, with_rules)
    if not USE_POS:
        return feats
    tags = art["pos"]
    for i, f in enumerate(feats):
        f["pos"] = tags[i]
        for off in (-1, 1):
            j = i + off
            if 0 <= j < len(tags):
                f[f"{off}:pos"] = tags[j]
    return feats


USE_POS = False
news_crf._article = _article
news_crf.features = _features


if __name__ == "__main__":
    for USE_POS in (False, True):
        print(f"== {'with' if USE_POS else 'without'} the segmenter's words and parts of speech")
        news_crf.main(sys.argv[1:])
