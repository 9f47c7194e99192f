#!/bin/sh
# Scores a newstag binary on the boilerplate sets (each set in one run, shipped config):
#   bench/boilerplate/measure.sh [BIN] [OUTDIR]   (SETS="NAME:DIR ..." to choose; with
#   SETS="dev:/work/shared/bench/boilerplate-dev extra:/work/data/bp-extra zyte:/work/data/bp-zyte
#   fundus:/work/data/bp-fundus modern:/work/data/bp-modern wcxb:/work/data/bp-wcxb" for all six)
# dev: /work/shared/bench/boilerplate-dev (tuned on); extra: /work/data/bp-extra (readability's
# test pages, half held out); zyte: /work/data/bp-zyte (build_zyte.py, held out, yardstick);
# fundus: /work/data/bp-fundus (build_fundus.py, held out, yardstick); modern: /work/data/bp-modern
# (build_modern.py, 2025-26 pages: fold A tuned on, fold B held out); wcxb: /work/data/bp-wcxb
# (build_modern.py --layout wcxb, sites no other set has: fold A looked at, fold B held out).
BIN=${1:-target/release/newstag}
OUT=${2:-/tmp/bpq}
HERE=$(dirname "$0")
set -e
# zyte and fundus are yardsticks: measure it at the start and at the end of a piece of work only.
for set in ${SETS:-dev:/work/shared/bench/boilerplate-dev extra:/work/data/bp-extra}; do
    name=${set%%:*}; dir=${set#*:}
    rm -rf "$OUT/$name"
    "$BIN" run "$dir/docs" --out "$OUT/$name" --quiet >/dev/null 2>&1 || true
    echo "== $name"
    python3 "$HERE/score.py" --gold "$dir/gold.jsonl" --pred "$OUT/$name/annotations.jsonl" \
        --corpus "$dir/docs" --sources "$dir/sources.tsv" ${DOCS:+--docs-out}
done
