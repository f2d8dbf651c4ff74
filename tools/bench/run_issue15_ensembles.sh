#!/bin/sh
# Runs the benchmark behind docs/benchmarks.md's issue 15 section (imbalance-aware ensembles' fit time against
# imbalanced-learn 0.10) in one sitting, with `uptime` before and after each figure. Release build; Debian's
# /usr/bin/python3 with python3-sklearn and python3-imblearn for the imbalanced-learn side.
#   tools/bench/run_issue15_ensembles.sh [RESULTS_FOLDER]      (default: /tmp/dashboard-bench)
set -eu
cd "$(dirname "$0")/../.."
. tools/bench/sitting.sh
prepare "${1:-/tmp/dashboard-bench}"
ENSEMBLES=balanced-random-forest,balanced-bagging,easy-ensemble,rusboost

for DATA in lending_club titanic; do
  # Ours: one fit at a time (--slots 1), 12 runs; the first few run partly unoptimized code (tiered JIT), so
  # docs/benchmarks.md reports the median of runs 2-12 and of the last six (a server that has trained a few times).
  run ensembles-$DATA $BIN bench loop --data $DATA --algorithms $ENSEMBLES --slots 1 --repetitions 12
  # imbalanced-learn on exactly our training and test rows (the test rows from --scores-out).
  run loop-verb-ensembles-$DATA $BIN loop --data $DATA --algorithms rusboost --json --scores-out "$OUT/ensembles-$DATA-scores.csv"
  run imblearn-ensembles-$DATA $PY tools/bench/imblearn_ensembles_bench.py --data $DATA --test-rows "$OUT/ensembles-$DATA-scores.csv"
done
