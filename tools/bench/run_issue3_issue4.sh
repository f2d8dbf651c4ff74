#!/bin/sh
# Runs every benchmark behind docs/benchmarks.md's issue 3 (resampling) and issue 4 (Muller loop)
# sections in one sitting, with `uptime` before and after each figure. Release build; Debian's
# /usr/bin/python3 with python3-imblearn, python3-sklearn and python3-xgboost.
#   tools/bench/run_issue3_issue4.sh [RESULTS_FOLDER]      (default: /tmp/dashboard-bench)
set -eu
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/dashboard-bench}
mkdir -p "$OUT"
dotnet build Dashboard -c Release -m:1 -v q -nologo
BIN=Dashboard/bin/Release/net10.0/Dashboard
PY=/usr/bin/python3

. tools/bench/sitting.sh

# Issue 3: SMOTE to a balanced minority, ours and imbalanced-learn's, on the same data (exported as .npy).
for rows in 100000 1000000; do
  run "resample-$rows" $BIN bench resample --rows $rows --repetitions 3
  $BIN bench resample --rows $rows --export "$OUT/data-$rows" > /dev/null
  run "imblearn-$rows" $PY tools/bench/imblearn_smote_bench.py "$OUT/data-$rows/X.npy" "$OUT/data-$rows/y.npy" 3
  rm -r "$OUT/data-$rows"
done

# Issue 4: from resampled rows to all four results (the first of each set of runs includes JIT warm-up).
run loop-titanic $BIN bench loop --data titanic --repetitions 5
run loop-titanic-smote $BIN bench loop --data titanic --class-share 0.5 --repetitions 5
run loop-lending_club $BIN bench loop --data lending_club --repetitions 5
run loop-lending_club-all-at-once $BIN bench loop --data lending_club --slots 0 --repetitions 5
run loop-lending_club-smote $BIN bench loop --data lending_club --class-share 0.5 --repetitions 5
run loop-synthetic-200000 $BIN bench loop --data synthetic --rows 200000 --repetitions 3

# The scikit-learn loop on lending_club, tested on exactly our test rows (taken from --scores-out).
run loop-verb-lending_club $BIN loop --data lending_club --json --scores-out "$OUT/lending_club-scores.csv"
run sklearn-lending_club $PY tools/bench/sklearn_loop_bench.py --data lending_club --test-rows "$OUT/lending_club-scores.csv"
