"""E5 word clusters as features of the CRF (bench/news_crf.py's hybrid).

    .venv/bin/python bench/news_e5/clusters.py fresh42 base,64,256

Every word of the corpus (lower case) is embedded alone with multilingual-e5-small;
k-means (k per variant, "64+512" = two features) over the centred embeddings gives each
word a cluster, written as a feature of the word and its neighbours. The CRF is trained
on every part but the test parts and scored on them, as news_crf.py scores (unionT: the
rules' names and the hybrid's names sure to T).
"""

from __future__ import annotations

import json
import sys
import time
import unicodedata

import numpy as np
from common import CORPUS, WORK, articles, e5, nc

from doingoai.news import model as crf


def vocabulary() -> tuple[list[str], np.ndarray]:
    words_path, vecs_path = WORK / "words.json", WORK / "vecs.npy"
    if vecs_path.exists():
        return json.loads(words_path.read_text()), np.load(vecs_path)
    seen = set()
    for path in CORPUS.glob("*/*.txt"):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        seen.update(w.lower() for _, _, w in crf.tokens(text) if w[:1].isalpha())
    words = sorted(seen)
    model = e5()
    vecs = np.vstack([model.query(words[i : i + 256]) for i in range(0, len(words), 256)])
    words_path.write_text(json.dumps(words, ensure_ascii=False))
    np.save(vecs_path, vecs)
    return words, vecs


def main() -> int:
    test_parts, variants = sys.argv[1].split(","), sys.argv[2].split(",")
    train_arts, test_arts = articles(test_parts)
    words, vecs = vocabulary()
    vecs = vecs - vecs.mean(0)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = {w: i for i, w in enumerate(words)}
    plain = crf.features

    def with_clusters(tables):
        def features(toks, places, rules):
            out = plain(toks, places, rules)
            ids = [
                [str(t[index[w.lower()]]) if w.lower() in index else "-" for t in tables]
                for _, _, w in toks
            ]
            for i, f in enumerate(out):
                for n in range(len(tables)):
                    f[f"e{n}"] = ids[i][n]
                    for off in (-1, 1):
                        if 0 <= i + off < len(toks):
                            f[f"{off}:e{n}"] = ids[i + off][n]
            return out

        return features

    from sklearn.cluster import KMeans

    for variant in variants:
        t0 = time.time()
        if variant == "base":
            crf.features = plain
        else:
            ks = [int(k) for k in variant.split("+")]
            tables = [KMeans(n_clusters=k, n_init=2, random_state=0).fit(vecs).labels_ for k in ks]
            crf.features = with_clusters(tables)
        path = str(WORK / f"clusters_{variant}.crfsuite")
        nc.train(train_arts, True, path)
        rows = {"both": nc.predict(test_arts, True, path)}
        for t in (0.5, 0.7, 0.9):
            sure = nc.predict(test_arts, True, path, sure=t)
            rows[f"union{t}"] = [
                nc.union(a["rules_out"], b) for a, b in zip(test_arts, sure, strict=True)
            ]
        rows["rules"] = [a["rules_out"] for a in test_arts]
        for mode, outs in rows.items():
            rep = nc.score(test_arts, outs)
            cells = "".join(f"{'/'.join(f'{x:.3f}' for x in rep[f]):>24}" for f in nc.FIELDS)
            print(f"{variant:<10}{mode:<9}{cells}", flush=True)
        print(f"{variant} {time.time() - t0:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
