#!/usr/bin/python3
"""Times imbalanced-learn 0.10's ensembles with their defaults, the reference for issue 15's fit-time target
(docs/benchmarks.md): BalancedRandomForestClassifier, BalancedBaggingClassifier, EasyEnsembleClassifier and
RUSBoostClassifier, each fitted --repetitions times (random_state 0, 1, ...; n_jobs left at its default of 1) on the
dashboard's training rows, featurized as the dashboard does (tools/bench/sklearn_loop_bench.py's Featurizer).

Usage (Debian's Python, which has python3-sklearn 1.2 and python3-imblearn 0.10):
    /usr/bin/python3 tools/bench/imblearn_ensembles_bench.py --data lending_club --test-rows SCORES.csv [--repetitions 5]
--test-rows takes a `loop --scores-out` file: training rows are all the others (the dashboard's split).
Prints one JSON object: per model the median and every fit's seconds, the mean test ROC AUC, and the load averages.
"""
import argparse
import csv
import json
import os
import statistics
import time
import warnings

import imblearn
import numpy as np
from imblearn.ensemble import BalancedBaggingClassifier, BalancedRandomForestClassifier, EasyEnsembleClassifier, RUSBoostClassifier
from sklearn.metrics import roc_auc_score

import sklearn_loop_bench as bench

MODELS = {
    "balanced-random-forest": BalancedRandomForestClassifier,
    "balanced-bagging": BalancedBaggingClassifier,
    "easy-ensemble": EasyEnsembleClassifier,
    "rusboost": RUSBoostClassifier,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True, choices=sorted(bench.TARGETS))
    parser.add_argument("--test-rows", required=True)
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    # imbalanced-learn 0.10 calls a helper scikit-learn 1.2 has deprecated, once per estimator.
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.filterwarnings("ignore", message=".*sklearn.utils.parallel.delayed.*")
    load_before = os.getloadavg()
    with open(args.test_rows, newline="") as scores:
        test = np.array(sorted({int(row["row"]) for row in csv.DictReader(scores)}))
    numeric, categorical, labels = bench.load_bundled(args.data)
    train = np.setdiff1d(np.arange(len(labels)), test)
    featurizer = bench.Featurizer(numeric, categorical)
    x_train, x_test = featurizer.fit_transform(train), featurizer.transform(test)
    models = {}
    for name, model_class in MODELS.items():
        seconds, aucs = [], []
        for seed in range(args.repetitions):
            model = model_class(random_state=seed)
            start = time.perf_counter()
            model.fit(x_train, labels[train])
            seconds.append(time.perf_counter() - start)
            aucs.append(roc_auc_score(labels[test], model.predict_proba(x_test)[:, 1]))
        models[name] = {"medianFitSeconds": statistics.median(seconds), "fitSeconds": seconds, "meanRocAuc": float(np.mean(aucs))}
    print(json.dumps({"imblearn": imblearn.__version__, "data": args.data, "trainingRows": int(len(train)), "features": int(x_train.shape[1]),
                      "models": models, "loadBefore": load_before, "loadAfter": os.getloadavg()}, indent=1))


if __name__ == "__main__":
    main()
