#!/usr/bin/python3
"""Times issue 14's scikit-learn regression loop, the reference for `loop` on a numeric target (docs/benchmarks.md).

The four seats with their library defaults, fitted one after another: HistGradientBoostingRegressor (XGBoost is
not installed here), RandomForestRegressor, LinearSVR and MLPRegressor. LinearSVR and MLPRegressor get the target
standardized (TransformedTargetRegressor with StandardScaler), as the dashboard's SVR and MLP do: on raw house prices
LinearSVR's dual bound |beta| <= C keeps it near zero. Features are prepared as sklearn_loop_bench.py prepares them
(its Featurizer: median-imputed, standardized numerics; one-hot categories, those under 5 training rows pooled),
fitted on the training rows only.

Usage (Debian's Python, which has python3-sklearn):
    dotnet run --project Dashboard -- loop --data ames_housing --scores-out /tmp/ames.csv
    /usr/bin/python3 tools/bench/sklearn_regression_bench.py --test-rows /tmp/ames.csv
--test-rows takes a `loop --scores-out` file and tests on exactly its rows (the dashboard's split).
Prints one JSON object: per model fit and predict seconds and test R², MAE and RMSE, and the sums.
"""
import argparse
import csv
import json
import os
import pathlib
import sys
import time

import numpy as np
import sklearn
from sklearn.compose import TransformedTargetRegressor
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVR

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from sklearn_loop_bench import BUNDLED, MISSING, Featurizer, number  # noqa: E402  (same folder)


def load(name, target):
    """(numeric matrix with NaN for missing, categorical string matrix, target values), rows with a missing target dropped."""
    with open(BUNDLED / f"{name}.csv", newline="", encoding="utf-8-sig") as file:
        reader = csv.reader(file)
        header = next(reader)
        rows = [row for row in reader if row[header.index(target)] not in MISSING]
    numeric, categorical = [], []
    for index, column in enumerate(header):
        if column == target:
            continue
        values = [row[index] for row in rows]
        present = [v for v in values if v not in MISSING]
        if all(number(v) is not None for v in present):
            numeric.append([np.nan if v in MISSING else float(v) for v in values])
        else:
            categorical.append(["(missing)" if v in MISSING else v for v in values])
    as_matrix = lambda columns, dtype: np.array(columns, dtype=dtype).T if columns else np.empty((len(rows), 0), dtype=dtype)
    return as_matrix(numeric, float), as_matrix(categorical, object), np.array([float(row[header.index(target)]) for row in rows])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="ames_housing")
    parser.add_argument("--target", default="Sale_Price")
    parser.add_argument("--test-rows", required=True, help="a `loop --scores-out` CSV: test on exactly its rows")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    load_before = os.getloadavg()

    numeric, categorical, y = load(args.data, args.target)
    with open(args.test_rows, newline="") as scores:
        test = np.array(sorted({int(row["row"]) for row in csv.DictReader(scores)}))
    train = np.setdiff1d(np.arange(len(y)), test)
    start = time.perf_counter()
    prepare = Featurizer(numeric, categorical)
    x_train = prepare.fit_transform(train)
    x_test = prepare.transform(test)
    featurize_seconds = time.perf_counter() - start
    y_train, y_test = y[train], y[test]

    standardized = lambda model: TransformedTargetRegressor(regressor=model, transformer=StandardScaler())
    models = [
        ("lightgbm", "HistGradientBoostingRegressor()", HistGradientBoostingRegressor(random_state=args.seed)),
        ("random-forest", "RandomForestRegressor()", RandomForestRegressor(random_state=args.seed)),
        ("svm", "LinearSVR() on the standardized target", standardized(LinearSVR(random_state=args.seed))),
        ("mlp", "MLPRegressor() on the standardized target", standardized(MLPRegressor(random_state=args.seed))),
    ]
    results = {}
    for model_id, name, model in models:
        start = time.perf_counter()
        model.fit(x_train, y_train)
        fit = time.perf_counter() - start
        start = time.perf_counter()
        predicted = model.predict(x_test)
        predict = time.perf_counter() - start
        results[model_id] = {"model": name, "fit_seconds": round(fit, 3), "predict_seconds": round(predict, 3),
                             "r2": round(float(r2_score(y_test, predicted)), 4),
                             "mae": round(float(mean_absolute_error(y_test, predicted)), 1),
                             "rmse": round(float(mean_squared_error(y_test, predicted, squared=False)), 1)}

    print(json.dumps({
        "benchmark": "sklearn-regression-loop", "data": args.data, "target": args.target, "sklearn": sklearn.__version__,
        "rows": int(len(y)), "training_rows": int(len(train)), "test_rows": int(len(test)), "feature_slots": int(x_train.shape[1]),
        "featurize_seconds": round(featurize_seconds, 3),
        "fit_seconds_sum": round(sum(r["fit_seconds"] for r in results.values()), 3),
        "models": results, "cpu_count": os.cpu_count(),
        "load_before": [round(v, 2) for v in load_before], "load_after": [round(v, 2) for v in os.getloadavg()],
    }, indent=2))


if __name__ == "__main__":
    main()
