#!/usr/bin/python3
"""Times issue 4's scikit-learn loop, the reference for `bench loop` (see docs/benchmarks.md).

The four seats with their library defaults, fitted one after another as scikit-learn's
classifier-comparison example does: XGBoost (tree_method="hist"), RandomForest, LinearSVC and
MLPClassifier. If XGBoost is missing, sklearn's HistGradientBoostingClassifier takes its seat (and
the output says so). Features are prepared like the dashboard's featurizer, fitted on the training
rows only: numeric columns median-imputed (plus a missing indicator) and standardized, categorical
columns one-hot encoded with categories under 5 training rows pooled.

Usage (Debian's Python, which has python3-sklearn and python3-xgboost):
    /usr/bin/python3 tools/bench/sklearn_loop_bench.py --data lending_club [--test-rows SCORES.csv]
    /usr/bin/python3 tools/bench/sklearn_loop_bench.py --npy DIR       # X.npy / y.npy from `bench resample --export DIR`
--test-rows takes a `loop --scores-out` file and tests on exactly its rows (the dashboard's split);
without it the split is stratified with the same proportions (--test-size 0.25) and --seed.
Prints one JSON object: per model fit and score seconds and ROC AUC, their sums, and the load averages.
"""
import argparse
import csv
import json
import os
import pathlib
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import LinearSVC

BUNDLED = pathlib.Path(__file__).resolve().parents[2] / "Dashboard.Core" / "Data" / "Bundled"
TARGETS = {"titanic": ("survived", ["name", "ticketno"]), "lending_club": ("Class", []), "breast_cancer_wisconsin": ("diagnosis", [])}


def boosting(seed):
    try:
        import xgboost
        return "xgboost", f"XGBoost {xgboost.__version__} (tree_method=hist)", xgboost.XGBClassifier(tree_method="hist", random_state=seed)
    except ImportError:
        from sklearn.ensemble import HistGradientBoostingClassifier
        return "hist-gradient-boosting", "sklearn HistGradientBoostingClassifier (XGBoost not installed)", HistGradientBoostingClassifier(random_state=seed)


MISSING = {"", "NA", "N/A", "NaN", "null", "?"}


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def load_bundled(name):
    """(numeric float matrix with NaN for missing, categorical string matrix, labels) without pandas (not installed here)."""
    target, excluded = TARGETS[name]
    with open(BUNDLED / f"{name}.csv", newline="", encoding="utf-8-sig") as file:
        reader = csv.reader(file)
        header = next(reader)
        rows = [row for row in reader if row[header.index(target)] not in MISSING]
    labels = [row[header.index(target)] for row in rows]
    positive = min(set(labels), key=lambda c: (labels.count(c), c))  # the minority class, as the dashboard
    numeric, categorical = [], []
    for index, column in enumerate(header):
        if column == target or column in excluded:
            continue
        values = [row[index] for row in rows]
        present = [v for v in values if v not in MISSING]
        if all(number(v) is not None for v in present):
            numeric.append([np.nan if v in MISSING else float(v) for v in values])
        else:
            categorical.append(["(missing)" if v in MISSING else v for v in values])
    as_matrix = lambda columns, dtype: np.array(columns, dtype=dtype).T if columns else np.empty((len(rows), 0), dtype=dtype)
    return as_matrix(numeric, float), as_matrix(categorical, object), np.array([int(l == positive) for l in labels])


class Featurizer:
    """Fitted on the training rows only, then applied unchanged to the test rows."""

    def __init__(self, numeric, categorical):
        self.numeric, self.categorical = numeric, categorical
        self.numeric_steps = make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler())
        self.one_hot = OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=5, sparse_output=False)

    def fit_transform(self, rows):
        parts = [self.numeric_steps.fit_transform(self.numeric[rows])]
        if self.categorical.shape[1]:
            parts.append(self.one_hot.fit_transform(self.categorical[rows]))
        return np.hstack(parts)

    def transform(self, rows):
        parts = [self.numeric_steps.transform(self.numeric[rows])]
        if self.categorical.shape[1]:
            parts.append(self.one_hot.transform(self.categorical[rows]))
        return np.hstack(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="lending_club", choices=sorted(TARGETS))
    parser.add_argument("--npy", help="folder with X.npy and y.npy instead of a bundled set")
    parser.add_argument("--test-rows", help="a `loop --scores-out` CSV: test on exactly its rows")
    parser.add_argument("--test-size", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    load_before = os.getloadavg()

    if args.npy:
        numeric, labels = np.load(os.path.join(args.npy, "X.npy")), np.load(os.path.join(args.npy, "y.npy"))
        categorical, source = np.empty((len(labels), 0), dtype=object), args.npy
    else:
        (numeric, categorical, labels), source = load_bundled(args.data), args.data
    if args.test_rows:
        with open(args.test_rows, newline="") as scores:
            test = np.array(sorted({int(row["row"]) for row in csv.DictReader(scores)}))
        train = np.setdiff1d(np.arange(len(labels)), test)
    else:
        train, test = train_test_split(np.arange(len(labels)), test_size=args.test_size, stratify=labels, random_state=args.seed)

    start = time.perf_counter()
    prepare = Featurizer(numeric, categorical)
    x_train = prepare.fit_transform(train)
    x_test = prepare.transform(test)
    featurize_seconds = time.perf_counter() - start
    y_train, y_test = labels[train], labels[test]

    boost_id, boost_name, boost = boosting(args.seed)
    models = [
        (boost_id, boost_name, boost),
        ("random-forest", "RandomForestClassifier()", RandomForestClassifier(random_state=args.seed)),
        ("svm", "LinearSVC() (ROC AUC from decision_function)", LinearSVC(random_state=args.seed)),
        ("mlp", "MLPClassifier()", MLPClassifier(random_state=args.seed)),
    ]
    results = {}
    for model_id, name, model in models:
        start = time.perf_counter()
        model.fit(x_train, y_train)
        fit = time.perf_counter() - start
        start = time.perf_counter()
        scores = model.predict_proba(x_test)[:, 1] if hasattr(model, "predict_proba") else model.decision_function(x_test)
        score = time.perf_counter() - start
        results[model_id] = {"model": name, "fit_seconds": round(fit, 3), "score_seconds": round(score, 3),
                             "roc_auc": round(float(roc_auc_score(y_test, scores)), 4)}

    print(json.dumps({
        "benchmark": "sklearn-loop", "data": source, "sklearn": sklearn.__version__,
        "rows": int(len(labels)), "training_rows": int(len(train)), "test_rows": int(len(test)),
        "feature_slots": int(x_train.shape[1]), "split": "from --test-rows" if args.test_rows else f"stratified, seed {args.seed}",
        "featurize_seconds": round(featurize_seconds, 3),
        "fit_seconds_sum": round(sum(r["fit_seconds"] for r in results.values()), 3),
        "fit_and_score_seconds_sum": round(sum(r["fit_seconds"] + r["score_seconds"] for r in results.values()), 3),
        "models": results, "cpu_count": os.cpu_count(),
        "load_before": [round(v, 2) for v in load_before], "load_after": [round(v, 2) for v in os.getloadavg()],
    }, indent=2))


if __name__ == "__main__":
    main()
