#!/bin/sh
# Runs every benchmark behind docs/benchmarks.md's issue 3 (resampling) and issue 4 (Muller loop)
# sections, one sitting after the other: tools/bench/run_issue3_smote.sh, then tools/bench/run_issue4_loop.sh.
#   tools/bench/run_issue3_issue4.sh [RESULTS_FOLDER]      (default: /tmp/dashboard-bench)
set -eu
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/dashboard-bench}
tools/bench/run_issue4_loop.sh "$OUT"
tools/bench/run_issue3_smote.sh "$OUT"
