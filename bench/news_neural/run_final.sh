#!/bin/bash
# Final runs of one variant: train on all the training articles (numbered <= 1529), predict
# the test parts (fresh31 + fresh32), seeds 1, 2 and 3 one after the other, one thread each.
#   PY=VENV/bin/python bench/news_neural/run_final.sh RULES [WORK]
# RULES: 0 (the tagger alone) or 1 (the rules' tags as a feature); WORK (default
# /tmp/news_neural) holds train.json/test.json from dump.py and receives pred_r<RULES>_s<seed>
# .json/.pt and final_r<RULES>_s<seed>.log. PY: a Python 3.11 with torch (see README.md).
set -eu
R=${1:?usage: PY=... run_final.sh RULES [WORK]}
W=${2:-/tmp/news_neural}
PY=${PY:?set PY to the torch venv python (see README.md)}
HERE=$(cd "$(dirname "$0")" && pwd)
for s in 1 2 3; do
  "$PY" "$HERE/train.py" --mode final --rules "$R" --epochs 12 --maxlen 60 --threads 1 \
    --seed "$s" --work "$W" --out "pred_r${R}_s${s}.json" > "$W/final_r${R}_s${s}.log" 2>&1
done
