"""Small neural BIO tagger for the news reader's partners, places and units (an experiment,
not shipped): word embedding (lower-cased, <unk> for words seen once, word dropout) + char
CNN + word-shape embedding + gazetteer place-tag embedding [+ rules'-tag embedding with
--rules 1] -> BiLSTM -> softmax; decoded by a BIO-constrained Viterbi over the log-softmax.

  --mode dev   : train on WORK/train.json minus the dev parts (fresh29, fresh30), score the
                 dev parts after every epoch (tagger alone, and union with the rules at 0.9)
  --mode final : train on all of WORK/train.json, write the tags, the probability of each
                 chosen tag and the full probability matrix for WORK/test.json to --out
                 (and the model to the same name with .pt)

Runs with a Python 3.11 venv holding torch and numpy (not the product's .venv):
    python3.11 -m venv VENV
    VENV/bin/pip install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl numpy
    VENV/bin/python bench/news_neural/train.py --mode final --rules 0 --epochs 12 \
        --maxlen 60 --threads 1 --seed 1 --out pred_r0_s1.json [--work DIR] [--limit N]
--work (default /tmp/news_neural) holds train.json/test.json (from dump.py); a relative
--out is written there. --limit N trains on the first N training articles only (smoke test).
"""

import argparse
import collections
import json
import random
import time
from pathlib import Path

import torch
import torch.nn as nn
from common import FIELDS, fmt, names, score, union

TAGS = ["O"] + [f"{p}-{f}" for f in FIELDS for p in "BI"]
T2I = {t: i for i, t in enumerate(TAGS)}
DEV_PARTS = {"fresh29", "fresh30"}


def shape(t):
    if not t[:1].isalnum():
        return 4
    if t.isdigit():
        return 3
    if t.isupper() and len(t) > 1:
        return 2
    if t[:1].isupper():
        return 1
    if any(c.isdigit() for c in t):
        return 5
    return 0


class Vocab:
    def __init__(self, items, min_count=1):
        c = collections.Counter(items)
        self.itos = ["<pad>", "<unk>"] + sorted(k for k, v in c.items() if v >= min_count)
        self.stoi = {s: i for i, s in enumerate(self.itos)}

    def __call__(self, s):
        return self.stoi.get(s, 1)

    def __len__(self):
        return len(self.itos)


class Tagger(nn.Module):
    def __init__(self, nw, nc, npl, nr, a):
        super().__init__()
        self.a = a
        self.wemb = nn.Embedding(nw, a.wdim, padding_idx=0)
        self.cemb = nn.Embedding(nc, a.cdim, padding_idx=0)
        self.conv = nn.Conv1d(a.cdim, a.cfilt, 3, padding=1)
        self.semb = nn.Embedding(6, 8)
        self.pemb = nn.Embedding(npl, 8, padding_idx=0)
        self.remb = nn.Embedding(nr, 8, padding_idx=0) if a.rules else None
        ind = a.wdim + a.cfilt + 8 + 8 + (8 if a.rules else 0)
        self.drop = nn.Dropout(a.dropout)
        self.lstm = nn.LSTM(
            ind,
            a.hidden,
            num_layers=a.layers,
            bidirectional=True,
            batch_first=True,
            dropout=a.dropout if a.layers > 1 else 0.0,
        )
        self.out = nn.Linear(2 * a.hidden, len(TAGS))

    def forward(self, w, c, s, p, r):
        B, L, C = c.shape
        ce = self.cemb(c.view(B * L, C)).transpose(1, 2)  # (BL, cdim, C)
        ce = torch.relu(self.conv(ce)).max(dim=2).values.view(B, L, -1)
        x = [self.wemb(w), ce, self.semb(s), self.pemb(p)]
        if self.remb is not None:
            x.append(self.remb(r))
        h, _ = self.lstm(self.drop(torch.cat(x, -1)))
        return self.out(self.drop(h))


def allowed():
    m = torch.zeros(len(TAGS), len(TAGS))  # prev -> cur, 0 ok, -inf forbidden
    start = torch.zeros(len(TAGS))
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            start[j] = -1e9
            for i, pt in enumerate(TAGS):
                if pt[2:] != t[2:] or pt == "O":
                    m[i, j] = -1e9
    return m, start


TRANS, START = allowed()


def viterbi(lp):  # lp (L, T) log-probs
    L = lp.shape[0]
    score_ = START + lp[0]
    back = []
    for k in range(1, L):
        cand = score_.unsqueeze(1) + TRANS  # (prev, cur)
        best, idx = cand.max(0)
        back.append(idx)
        score_ = best + lp[k]
    path = [int(score_.argmax())]
    for idx in reversed(back):
        path.append(int(idx[path[-1]]))
    return path[::-1]


def chunks(art, maxlen):
    """Token index ranges: sentence pieces (a break after . ! ? ; or at a line break) of at
    most maxlen tokens, tiny neighbours merged."""
    toks, text = art["toks"], art["text"]
    out, s = [], 0
    for i in range(len(toks)):
        brk = toks[i][2] in (".", "!", "?", ";") or (
            i + 1 < len(toks) and "\n" in text[toks[i][1] : toks[i + 1][0]]
        )
        if brk or i + 1 - s >= maxlen or i == len(toks) - 1:
            out.append((s, i + 1))
            s = i + 1
    # merge tiny neighbours to give context
    merged = []
    for a, b in out:
        if (
            merged
            and (b - merged[-1][0]) <= maxlen
            and (b - a < 8 or merged[-1][1] - merged[-1][0] < 8)
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def encode(arts, V, a):
    out = []
    for ai, art in enumerate(arts):
        for cs_, ce_ in chunks(art, a.maxlen):
            sl = slice(cs_, ce_)
            toks = [t for _, _, t in art["toks"][sl]]
            out.append(
                dict(
                    art=ai,
                    span=(cs_, ce_),
                    w=torch.tensor([V["w"](t.lower()) for t in toks]),
                    c=[[V["c"](ch) for ch in t[: a.maxc]] for t in toks],
                    s=torch.tensor([shape(t) for t in toks]),
                    p=torch.tensor([V["p"](t) for t in art["place"][sl]]),
                    r=torch.tensor([V["r"](t) for t in art["rule"][sl]]),
                    y=torch.tensor([T2I[t] for t in art["gold"][sl]]),
                )
            )
    return out


def batchify(items, wdrop=0.0):
    B = len(items)
    L = max(len(it["w"]) for it in items)
    C = max(len(cs) for it in items for cs in it["c"]) or 1
    w = torch.zeros(B, L, dtype=torch.long)
    c = torch.zeros(B, L, C, dtype=torch.long)
    s = torch.zeros(B, L, dtype=torch.long)
    p = torch.zeros(B, L, dtype=torch.long)
    r = torch.zeros(B, L, dtype=torch.long)
    y = torch.full((B, L), -100, dtype=torch.long)
    for b, it in enumerate(items):
        n = len(it["w"])
        ww = it["w"].clone()
        if wdrop:
            ww[torch.rand(n) < wdrop] = 1
        w[b, :n] = ww
        s[b, :n] = it["s"]
        p[b, :n] = it["p"]
        r[b, :n] = it["r"]
        y[b, :n] = it["y"]
        for k, cs in enumerate(it["c"]):
            c[b, k, : len(cs)] = torch.tensor(cs)
    return w, c, s, p, r, y


def predict(model, enc, narts, bs=64):
    """per article: (tags, prob of chosen tag per token, full prob matrix)"""
    model.eval()
    lps = {}
    with torch.no_grad():
        for i in range(0, len(enc), bs):
            items = enc[i : i + bs]
            w, c, s, p, r, _ = batchify(items)
            lp = torch.log_softmax(model(w, c, s, p, r), -1)
            for b, it in enumerate(items):
                lps.setdefault(it["art"], []).append((it["span"][0], lp[b, : len(it["w"])]))
    res = []
    for ai in range(narts):
        if ai not in lps:
            res.append(([], [], None))
            continue
        lp = torch.cat([x for _, x in sorted(lps[ai], key=lambda z: z[0])], 0)
        path = viterbi(lp)
        probs = lp.exp()
        res.append(
            ([TAGS[k] for k in path], [float(probs[j, k]) for j, k in enumerate(path)], probs)
        )
    return res


def read_names(arts, preds, sure=0.0):
    out = []
    for art, (tags, pr, _) in zip(arts, preds, strict=True):
        f = names(art["text"], art["toks"], tags, lambda k, tag, pr=pr: pr[k], sure)
        out.append({k: [n for n, _, _ in v] for k, v in f.items()})
    return out


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mode", default="dev", choices=("dev", "final"))
    ap.add_argument("--rules", type=int, default=0, help="1: the rules' tags are a feature")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--wdim", type=int, default=64)
    ap.add_argument("--cdim", type=int, default=24)
    ap.add_argument("--cfilt", type=int, default=48)
    ap.add_argument("--maxc", type=int, default=20)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--wdrop", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=None, help="predictions JSON (relative: in --work)")
    ap.add_argument("--maxlen", type=int, default=60)
    ap.add_argument("--decay", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--work", default="/tmp/news_neural", help="holds train.json, test.json")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N articles only")
    return ap.parse_args()


def load(a):
    """(train, eval) articles: dev mode carves the dev parts out of train."""
    work = Path(a.work)
    train = json.loads((work / "train.json").read_text())
    assert all(x["num"] <= 1529 for x in train)
    if a.mode == "dev":
        ev = [x for x in train if x["id"].split("/")[0] in DEV_PARTS]
        train = [x for x in train if x["id"].split("/")[0] not in DEV_PARTS]
    else:
        ev = json.loads((work / "test.json").read_text())
        assert {x["id"].split("/")[0] for x in ev} == {"fresh31", "fresh32"}
    if a.limit:
        train = train[: a.limit]
    return train, ev


def epoch_batches(tr_enc, bs):
    """shuffled batches of chunks of similar length (sorted within pools of 50 batches)"""
    order = list(range(len(tr_enc)))
    random.shuffle(order)
    pool = bs * 50
    order = [
        k
        for i in range(0, len(order), pool)
        for k in sorted(order[i : i + pool], key=lambda k: len(tr_enc[k]["w"]))
    ]
    batches = [order[i : i + bs] for i in range(0, len(order), bs)]
    random.shuffle(batches)
    return batches


def fit(model, tr_enc, ev, ev_enc, a):
    """train for a.epochs; in dev mode score ev after every epoch. Returns the seconds taken."""
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    lossf = nn.CrossEntropyLoss(ignore_index=-100)
    t0 = time.time()
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, a.decay)
    for ep in range(1, a.epochs + 1):
        model.train()
        tot = 0
        batches = epoch_batches(tr_enc, a.bs)
        for bt in batches:
            w, c, s, p, r, y = batchify([tr_enc[k] for k in bt], a.wdrop)
            loss = lossf(model(w, c, s, p, r).reshape(-1, len(TAGS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            tot += loss.item()
        sched.step()
        msg = f"ep {ep} loss {tot / len(batches):.4f} t {time.time() - t0:.0f}s"
        if a.mode == "dev":
            preds = predict(model, ev_enc, len(ev))
            rep = score(ev, read_names(ev, preds))
            un = score(ev, union([x["rules_out"] for x in ev], read_names(ev, preds, 0.9)))
            msg += " | tag" + fmt(rep) + " | union0.9" + fmt(un)
        print(msg, flush=True)
    return time.time() - t0


def write(model, V, ev, ev_enc, a, train_time, nparam):
    """predictions for ev to --out (JSON), the model and its vocabularies next to it (.pt)"""
    out = Path(a.work) / a.out
    preds = predict(model, ev_enc, len(ev))
    data = {
        "args": vars(a),
        "train_time_s": train_time,
        "params": nparam,
        "tagset": TAGS,
        "preds": [
            {
                "id": x["id"],
                "tags": t,
                "probs": pr,
                "P": [[round(v, 5) for v in row] for row in P.tolist()] if P is not None else [],
            }
            for x, (t, pr, P) in zip(ev, preds, strict=True)
        ],
    }
    with open(out, "w") as fh:
        json.dump(data, fh)
    torch.save(
        {
            "state": model.state_dict(),
            "vocab": {k: v.itos for k, v in V.items()},
            "args": vars(a),
        },
        out.with_suffix(".pt"),
    )
    print("wrote", out, f"train_time {train_time:.0f}s")


def main():
    a = parse_args()
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    torch.set_num_threads(a.threads)
    train, ev = load(a)
    V = {
        "w": Vocab([t.lower() for x in train for _, _, t in x["toks"]], 2),
        "c": Vocab([ch for x in train for _, _, t in x["toks"] for ch in t]),
        "p": Vocab([t for x in train for t in x["place"]]),
        "r": Vocab([t for x in train for t in x["rule"]] + list(FIELDS)),
    }
    tr_enc, ev_enc = encode(train, V, a), encode(ev, V, a)
    model = Tagger(len(V["w"]), len(V["c"]), len(V["p"]), len(V["r"]), a)
    nparam = sum(p.numel() for p in model.parameters())
    print(
        f"{a} | train {len(train)} eval {len(ev)} | vocab {len(V['w'])} | params {nparam}"
        f" | chunks {len(tr_enc)}",
        flush=True,
    )
    train_time = fit(model, tr_enc, ev, ev_enc, a)
    if a.mode == "dev":
        rs = score(ev, [x["rules_out"] for x in ev])
        print("rules on dev" + fmt(rs))
    if a.out:
        write(model, V, ev, ev_enc, a, train_time, nparam)


if __name__ == "__main__":
    main()
