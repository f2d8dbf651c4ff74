#!/bin/sh
# Issue 3's SMOTE speed figures in one sitting: ours and imbalanced-learn's back to back on the same
# data, at 100,000 and 1,000,000 rows, plus a repeated move with a warm neighbour cache. Waits until
# the 1-minute load average is below $QUIET (default 1.2) before each figure, as the machine is shared;
# `uptime` is printed before and after each. Needs a Release build (dotnet build -c Release) and
# Debian's /usr/bin/python3 with python3-imblearn.
#   tools/bench/run_issue3_smote.sh [RESULTS_FOLDER] [REPETITIONS]   (default: /tmp/dashboard-bench, 5)
set -eu
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/dashboard-bench}
REPS=${2:-5}
QUIET=${QUIET:-1.2}
mkdir -p "$OUT"
BIN="dotnet Dashboard/bin/Release/net10.0/Dashboard.dll"
PY=/usr/bin/python3

wait_quiet() {
  while [ "$(awk -v q="$QUIET" '{ print ($1 < q) ? "yes" : "no" }' /proc/loadavg)" = no ]; do
    echo "load $(cut -d' ' -f1 /proc/loadavg) >= $QUIET, waiting 60 s"; sleep 60
  done
}

. tools/bench/sitting.sh

for rows in 100000 1000000; do
  [ -f "$OUT/data-$rows/X.npy" ] || $BIN bench resample --rows $rows --export "$OUT/data-$rows" > /dev/null
  reps=$REPS; [ $rows -gt 100000 ] && reps=3
  wait_quiet
  run "resample-$rows" $BIN bench resample --rows $rows --repetitions $reps
  run "imblearn-$rows" $PY tools/bench/imblearn_smote_bench.py "$OUT/data-$rows/X.npy" "$OUT/data-$rows/y.npy" $reps
  wait_quiet
  run "resample-$rows-cached" $BIN bench resample --rows $rows --repetitions $reps --repeat-cached
done
