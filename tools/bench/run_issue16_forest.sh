#!/bin/sh
# Runs the benchmark behind docs/benchmarks.md's "Random forest seat (issue 16)": the forest seat's fit time and
# test ROC AUC before (ML.NET FastForest, commit 251872a) and after, on the three bundled classification sets,
# each build in turn per data set so both see the same load; then the regression seat on ames. Release builds; the old one is built from git into
# a temporary folder.
#   tools/bench/run_issue16_forest.sh [RESULTS_FOLDER]      (default: /tmp/dashboard-bench)
set -eu
cd "$(dirname "$0")/../.."
. tools/bench/sitting.sh
prepare "${1:-/tmp/dashboard-bench}"
OLD=$(mktemp -d)
git archive 251872a | tar -x -C "$OLD"
dotnet build "$OLD/Dashboard" -c Release -m:1 -v q -nologo
OLD_BIN=$OLD/Dashboard/bin/Release/net10.0/Dashboard

for DATA in titanic lending_club breast_cancer_wisconsin; do
  for BUILD in old new; do
    if [ $BUILD = old ]; then EXE=$OLD_BIN; else EXE=$BIN; fi
    # As a room trains: the four seats on one slot per core. Then the forest and LightGBM one at a time.
    run forest-$BUILD-four-$DATA $EXE bench loop --data $DATA --repetitions 9
    run forest-$BUILD-alone-$DATA $EXE bench loop --data $DATA --repetitions 9 --algorithms random-forest,lightgbm --slots 1
  done
  # ROC AUC over other seeds (other splits too): one run each is enough, the AUC does not vary from run to run.
  for SEED in 1 2 3 4 5; do
    run forest-old-seed$SEED-$DATA $OLD_BIN bench loop --data $DATA --seed $SEED --repetitions 1 --algorithms random-forest --slots 1
    run forest-new-seed$SEED-$DATA $BIN bench loop --data $DATA --seed $SEED --repetitions 1 --algorithms random-forest --slots 1
  done
done
# The regression seat on ames (R² instead of ROC AUC).
for BUILD in old new; do
  if [ $BUILD = old ]; then EXE=$OLD_BIN; else EXE=$BIN; fi
  run forest-$BUILD-four-ames_housing $EXE bench loop --data ames_housing --repetitions 5
  run forest-$BUILD-alone-ames_housing $EXE bench loop --data ames_housing --repetitions 5 --algorithms random-forest,lightgbm --slots 1
done
rm -rf "$OLD"
