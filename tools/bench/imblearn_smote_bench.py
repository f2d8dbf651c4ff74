#!/usr/bin/python3
"""Times imbalanced-learn 0.10's SMOTE().fit_resample on data exported by ResamplingBench.WriteNpy.

Usage (Debian's Python, which has python3-imblearn):
    /usr/bin/python3 tools/bench/imblearn_smote_bench.py X.npy y.npy [repetitions]
Prints one JSON line: rows, features, synthetic rows, best and median seconds, peak RSS in bytes.
"""
import json
import resource
import sys
import time

import numpy as np
from imblearn.over_sampling import SMOTE

X = np.load(sys.argv[1])
y = np.load(sys.argv[2])
repetitions = int(sys.argv[3]) if len(sys.argv) > 3 else 3
seconds = []
for i in range(repetitions):
    start = time.perf_counter()
    X_res, y_res = SMOTE(random_state=i).fit_resample(X, y)
    seconds.append(time.perf_counter() - start)
seconds.sort()
print(json.dumps({"rows": len(y), "features": X.shape[1], "synthetic_rows": int(len(y_res) - len(y)),
                  "best_seconds": seconds[0], "median_seconds": seconds[len(seconds) // 2],
                  "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
