#!/bin/sh
# Runs the benchmarks behind docs/benchmarks.md's issue 4 section (the Muller loop) in one sitting, with
# `uptime` before and after each figure. Release build; Debian's /usr/bin/python3 with python3-sklearn and
# python3-xgboost for the scikit-learn side.
#   tools/bench/run_issue4_loop.sh [RESULTS_FOLDER]      (default: /tmp/dashboard-bench)
set -eu
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/dashboard-bench}
mkdir -p "$OUT"
dotnet build Dashboard -c Release -m:1 -v q -nologo
BIN=Dashboard/bin/Release/net10.0/Dashboard
PY=/usr/bin/python3

. tools/bench/sitting.sh

# From resampled rows to all four results (the first of each set of runs includes JIT warm-up).
run loop-titanic $BIN bench loop --data titanic --repetitions 5
run loop-titanic-smote $BIN bench loop --data titanic --class-share 0.5 --repetitions 5
run loop-lending_club $BIN bench loop --data lending_club --repetitions 5
run loop-lending_club-all-at-once $BIN bench loop --data lending_club --slots 0 --repetitions 5
run loop-lending_club-smote $BIN bench loop --data lending_club --class-share 0.5 --repetitions 5
run loop-synthetic-200000 $BIN bench loop --data synthetic --rows 200000 --repetitions 3

# The scikit-learn loop on lending_club, tested on exactly our test rows (taken from --scores-out).
run loop-verb-lending_club $BIN loop --data lending_club --json --scores-out "$OUT/lending_club-scores.csv"
run sklearn-lending_club $PY tools/bench/sklearn_loop_bench.py --data lending_club --test-rows "$OUT/lending_club-scores.csv"

# The two column rankings on lending_club: the tree-gain preview against permutation importance.
run importance-gain-lending_club $BIN importance --data lending_club --method gain --json
run importance-permutation-lending_club $BIN importance --data lending_club --json
