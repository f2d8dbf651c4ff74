using System.Globalization;
using System.Net;
using System.Text;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Core.Export;

/// <summary>
/// A team's write-up as one self-contained HTML file: the data set and its credit, the methodology
/// (split, what was resampled and how), the slider history, every run's per-algorithm results with
/// confusion matrices, ROC and precision-recall curves (inline SVG, no script, nothing fetched), and which algorithm
/// did best by the chosen metric. Every text that comes from users or data is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:Roboto,Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222;line-height:1.45}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
        .meta{color:#666}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
        td.num{text-align:right;font-variant-numeric:tabular-nums}.best{background:#e6f4ea;font-weight:bold}.leaky{color:#b00020;font-weight:bold}
        .warn{color:#8a5300}.cm td{width:7.5rem;text-align:center}.cms{display:flex;flex-wrap:wrap;gap:1rem}.cms figure{margin:0}
        figcaption{font-weight:bold;margin-bottom:.25rem}details{margin:.75rem 0;border:1px solid #ddd;border-radius:4px;padding:.5rem .75rem}
        summary{cursor:pointer;font-weight:bold}.chart-title{font-size:14px;font-weight:bold}.tick,.legend{font-size:11px}.axis{font-size:12px}
        .curves{display:flex;flex-wrap:wrap;gap:1rem 2rem;margin-top:1rem}
        dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}
        """;

    /// <summary>The report for these runs (in any order; shown oldest first), judged by <paramref name="metric"/>.</summary>
    public static string Build(IReadOnlyList<RecordedRun> runs, MetricId metric, DateTimeOffset generatedAt)
    {
        if (runs.Count == 0) throw new ArgumentException("A report needs at least one run.", nameof(runs));
        var ordered = runs.OrderBy(r => r.CompletedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
        var latest = ordered[^1];
        // Runs on a numeric target have no classification metric: they are judged by R² whatever metric was asked for.
        var regression = ordered.SelectMany(r => r.Results).Any(r => r.Regression is not null);
        var metricName = regression ? "R²" : MetricCatalog.Get(metric).DisplayName;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<title>Imbalance report: {E(latest.Dataset.DisplayName)}</title><style>{Style}</style></head><body>");
        html.Append($"<h1>Imbalance report: {E(latest.Dataset.DisplayName)}</h1>");
        var rooms = string.Join(", ", ordered.Select(r => r.RoomCode).Distinct());
        html.Append($"<p class=\"meta\">Room {E(rooms)} · {ordered.Count} run{(ordered.Count == 1 ? "" : "s")} from {Time(ordered[0].CompletedAt)} to {Time(latest.CompletedAt)} · judged by {E(metricName)} · generated {Time(generatedAt)}</p>");
        if (ordered.Any(r => r.Leaky))
        {
            html.Append("<p class=\"leaky\">Some runs were made in LEAKY MODE (resampled before the split): their scores are inflated and must not be compared with the others. They are marked “leaky” below.</p>");
        }
        if (regression) AppendBestRSquared(html, ordered, latest);
        else AppendBest(html, ordered, latest, metric, metricName);
        AppendDatasets(html, ordered);
        AppendMethodology(html, ordered);
        AppendHistory(html, ordered, metric, metricName, regression);
        html.Append("<h2 id=\"results\">Per-algorithm results</h2>");
        for (var i = 0; i < ordered.Count; i++)
        {
            AppendRun(html, ordered[i], i + 1, metric, open: i == ordered.Count - 1);
        }
        html.Append("<footer class=\"meta\"><p>Made with the imbalance dashboard. Metrics follow scikit-learn’s and imbalanced-learn’s definitions; every result is scored on the same untouched test rows.</p></footer>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendBest(StringBuilder html, IReadOnlyList<RecordedRun> runs, RecordedRun latest, MetricId metric, string metricName)
    {
        html.Append($"<h2 id=\"best\">Best by {E(metricName)}</h2>");
        var inLatest = BestResult.In(latest, metric);
        html.Append(inLatest.Count == 0
            ? "<p>The latest run has no result with this metric defined.</p>"
            : $"<p class=\"best-latest\">In the latest run ({E(latest.Reason)}): <strong>{E(Names(inLatest))}</strong> with {E(metricName)} {RunText.Metric(inLatest[0].Result.Metrics!.Get(metric))}" +
              (latest.Leaky ? " (a LEAKY run: resampled before the split, so its scores are inflated and compare with no honest run)" : "") + ".</p>");
        if (runs.Count > 1)
        {
            var overall = BestResult.Among(RunTable.Rows(runs.Where(r => !r.Leaky)), metric);
            if (overall.Count > 0)
            {
                var run = overall[0].Run;
                var number = runs.ToList().IndexOf(run) + 1;
                html.Append($"<p class=\"best-overall\">Over all runs (leaky ones left out): <strong>{E(overall[0].Result.DisplayName)}</strong> in run {number} ({E(run.Reason)}) with {RunText.Metric(overall[0].Result.Metrics!.Get(metric))}.</p>");
            }
        }
        html.Append($"<p class=\"meta\">{E(MetricCatalog.Get(metric).Meaning)} Formula: {E(MetricCatalog.Get(metric).Formula)}.</p>");
    }

    private static void AppendDatasets(StringBuilder html, IReadOnlyList<RecordedRun> runs)
    {
        html.Append("<h2 id=\"dataset\">Data set</h2>");
        foreach (var run in runs.DistinctBy(r => (r.Dataset.Source, r.Dataset.Target, r.Dataset.PositiveClass)))
        {
            var dataset = run.Dataset;
            var bundled = BundledDatasets.Find(dataset.Source);
            html.Append("<dl>");
            Term(html, "Name", dataset.DisplayName);
            Term(html, "Source", bundled is not null ? $"bundled data set “{bundled.Name}”" : "uploaded CSV file (kept under its SHA-256 hash)");
            Term(html, "Target", $"{dataset.Target} (positive class: {dataset.PositiveClass}; negative: {dataset.NegativeClass})");
            Term(html, "Rows", $"{Count(dataset.TrainRows)} training, {Count(dataset.TestRows)} test");
            Term(html, "Excluded columns", run.Choice.ExcludedColumns is { } excluded ? (excluded.Count == 0 ? "none" : string.Join(", ", excluded)) : "the defaults (identifier-like columns)");
            Term(html, "Credit", dataset.Credit ?? bundled?.Credit ?? "uploaded by the class; no credit recorded");
            if (bundled is not null) Term(html, "Licence", bundled.Licence);
            html.Append("</dl>");
        }
    }

    private static void AppendMethodology(StringBuilder html, IReadOnlyList<RecordedRun> runs)
    {
        html.Append("<h2 id=\"methodology\">Methodology</h2>");
        foreach (var split in runs.Select(r => (r.Choice.SplitSeed, r.Choice.TestShare, r.Dataset.TrainRows, r.Dataset.TestRows)).Distinct())
        {
            html.Append($"<p>The rows were split once, stratified by the target, into {Count(split.TrainRows)} training and {Count(split.TestRows)} test rows (test share {RunText.Percent(split.TestShare)}, seed {split.SplitSeed}). ");
        }
        html.Append("Resampling touched only the training rows: the test rows keep the data set’s real distribution and are the same for every slider position, so runs can be compared. Every random choice comes from the split seed.</p>");
        html.Append("<p>Each slider sets its focus group’s share of the training rows. Left of its neutral position the group is <em>undersampled</em> (rows removed: at random, or NearMiss, Tomek links or edited nearest neighbours); right of it the group is <em>oversampled</em> with SMOTE (new rows interpolated between a group row and one of its k nearest neighbours of the same group and class; SMOTE-NC for categorical columns). Several sliders apply in a fixed order: feature sliders top to bottom, then the class balance.</p>");
        var resampled = runs.Where(r => r.Training is { Changes.Count: > 0 }).ToList();
        html.Append(resampled.Count == 0
            ? "<p>In these runs no slider left its neutral position: every algorithm learned from the original training rows.</p>"
            : $"<p>{resampled.Count} of the {runs.Count} runs resampled the training rows; the slider history below says how, run by run.</p>");
    }

    /// <summary>The best regressor of the latest run and of all honest runs, by R² (higher is better).</summary>
    private static void AppendBestRSquared(StringBuilder html, IReadOnlyList<RecordedRun> runs, RecordedRun latest)
    {
        html.Append("<h2 id=\"best\">Best by R²</h2>");
        var inLatest = BestResult.ByRSquared(RunTable.Rows([latest]));
        html.Append(inLatest.Count == 0
            ? "<p>The latest run has no result with R² defined.</p>"
            : $"<p class=\"best-latest\">In the latest run ({E(latest.Reason)}): <strong>{E(Names(inLatest))}</strong> with R² {RunText.Metric(inLatest[0].Result.Regression!.R2)}.</p>");
        var overall = BestResult.ByRSquared(RunTable.Rows(runs.Where(r => !r.Leaky)));
        if (runs.Count > 1 && overall.Count > 0)
        {
            html.Append($"<p class=\"best-overall\">Over all runs (leaky ones left out): <strong>{E(overall[0].Result.DisplayName)}</strong> in run {runs.ToList().IndexOf(overall[0].Run) + 1} ({E(overall[0].Run.Reason)}) with {RunText.Metric(overall[0].Result.Regression!.R2)}.</p>");
        }
        html.Append("<p class=\"meta\">The target is predicted as a number (regression). R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² on the test rows: 1 is perfect, 0 is as good as predicting the mean. Each run's table also lists the errors on the rare target values.</p>");
    }

    private static void AppendHistory(StringBuilder html, IReadOnlyList<RecordedRun> runs, MetricId metric, string metricName, bool regression)
    {
        double? ValueOf(AlgorithmResult? result) => regression ? result?.Regression?.R2 : result?.Metrics?.Get(metric);
        html.Append("<h2 id=\"history\">Slider history</h2>");
        var algorithms = runs.SelectMany(r => r.Results).Select(r => (r.AlgorithmId, r.DisplayName)).DistinctBy(a => a.AlgorithmId).ToList();
        if (runs.Count > 1)
        {
            var series = algorithms.Select(a => new SvgChart.Series(a.DisplayName, SvgChart.ColorOf(a.AlgorithmId),
                runs.Select((run, i) => (X: (double)(i + 1), Result: run.Results.FirstOrDefault(r => r.AlgorithmId == a.AlgorithmId)))
                    .Where(p => ValueOf(p.Result) is not null)
                    .Select(p => (p.X, ValueOf(p.Result)!.Value)).ToList(), Markers: true)).ToList();
            // R² can fall below 0 (worse than predicting the mean): the axis then starts at the lowest value.
            var yMin = regression ? Math.Min(0, series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(0).Min())
                : metric == MetricId.Mcc ? -1.0 : 0.0;
            // Runs are whole numbers: a tick on every run, or on every few when there are many.
            var step = Math.Max(1, (int)Math.Ceiling((runs.Count - 1) / 8.0));
            var ticks = Enumerable.Range(0, runs.Count).Where(i => i % step == 0).Select(i => (double)(i + 1)).ToList();
            html.Append(SvgChart.Lines($"{metricName} by run", "run", metricName, series, (1, runs.Count), (yMin, 1), xTicks: ticks));
        }
        html.Append("<table class=\"history\"><thead><tr><th>#</th><th>when (UTC)</th><th>who</th><th>change</th><th>sliders</th><th>what resampling did</th>");
        foreach (var (_, name) in algorithms) html.Append($"<th>{E(name)}<br>{E(metricName)}</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var best = (regression ? BestResult.ByRSquared(RunTable.Rows([run])) : BestResult.In(run, metric)).Select(r => r.Result.AlgorithmId).ToHashSet();
            html.Append($"<tr><td class=\"num\">{i + 1}</td><td>{Time(run.CompletedAt)}</td><td>{E(run.StartedBy ?? "")}</td><td>{E(run.Reason)}{(run.Leaky ? " <span class=\"leaky\">leaky</span>" : "")}</td>");
            html.Append($"<td>{E(RunText.Sliders(run))}</td><td>{E(RunText.Resampling(run.Training))}");
            var warnings = RunText.Warnings(run.Training);
            if (warnings.Length > 0) html.Append($"<br><span class=\"warn\">{E(warnings)}</span>");
            html.Append("</td>");
            foreach (var (id, _) in algorithms)
            {
                var result = run.Results.FirstOrDefault(r => r.AlgorithmId == id);
                var value = ValueOf(result) is { } v ? RunText.Metric(v) : result is null ? "" : "failed";
                html.Append($"<td class=\"num{(best.Contains(id) ? " best" : "")}\">{value}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void AppendRun(StringBuilder html, RecordedRun run, int number, MetricId metric, bool open)
    {
        html.Append($"<details class=\"run\" data-run=\"{E(run.RunId)}\"{(open ? " open" : "")}><summary>Run {number}: {E(run.Reason)} · {Time(run.CompletedAt)}{(run.Leaky ? " · <span class=\"leaky\">leaky</span>" : "")}</summary>");
        html.Append($"<p>Threshold {RunText.Metric(run.Threshold)}. Sliders: {E(RunText.Sliders(run))}. Resampling: {E(RunText.Resampling(run.Training))}.");
        if (run.Training is { } training) html.Append($" Trained on {Count(training.RowsAfter)} rows ({Count(training.SyntheticRows)} synthetic).");
        html.Append("</p>");
        var best = BestResult.In(run, metric).Select(r => r.Result.AlgorithmId).ToHashSet();
        var results = run.Results;
        html.Append("<table class=\"metrics\"><thead><tr><th>metric</th>");
        foreach (var result in results) html.Append($"<th>{E(result.DisplayName)}</th>");
        html.Append("</tr></thead><tbody>");
        // A regression run has R² and errors instead of the classification metrics (which would all read "–").
        var regression = results.Any(r => r.Regression is not null);
        foreach (var info in regression ? RegressionMetricCatalog.All : [])
        {
            Row(html, info.Label, results.Select(r => r.Regression is { } m && RegressionMetricCatalog.Value(m, info.Id) is { } v
                ? info.Id == RegressionMetricId.R2 ? RunText.Metric(v) : RunText.Number(v)
                : "–"));
        }
        foreach (var info in regression ? [] : MetricCatalog.All)
        {
            html.Append($"<tr><th title=\"{E(info.Formula)}\">{E(info.DisplayName)}</th>");
            foreach (var result in results)
            {
                var highlight = info.Id == metric && best.Contains(result.AlgorithmId) ? " best" : "";
                var value = result.Metrics is { } m ? (m.IsDefined(info.Id) ? RunText.Metric(m.Get(info.Id)) : "n/a") : "–";
                html.Append($"<td class=\"num{highlight}\">{value}</td>");
            }
            html.Append("</tr>");
        }
        // With costs other than 1 and 1 the expected cost is the number that decides; with 1 and 1 it is just the error rate.
        if (run.Costs != CostMatrix.Equal)
        {
            Row(html, $"expected cost per test row (a false negative costs {RunText.Number(run.Costs.FalseNegative)}, a false positive {RunText.Number(run.Costs.FalsePositive)}; lower is better)",
                results.Select(r => r.Metrics is { } m ? RunText.Metric(run.Costs.ExpectedCost(m.Confusion)) : "–"));
        }
        Row(html, "hyperparameters", results.Select(r => RunText.Hyperparameters(r.Hyperparameters)));
        Row(html, "class weight", results.Select(r => RunText.ClassWeight(r.ClassWeight)));
        Row(html, "training rows", results.Select(r => r.TrainingRows.ToString("N0", CultureInfo.InvariantCulture)));
        Row(html, "fit time", results.Select(r => r.Timings.FitSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"));
        Row(html, "status", results.Select(r => r.Status == AlgorithmStatus.Completed ? "completed" : "failed: " + (r.Error ?? "")));
        html.Append("</tbody></table>");

        html.Append("<div class=\"cms\">");
        foreach (var result in results.Where(r => r.Metrics is not null))
        {
            AppendConfusion(html, result, run.Dataset);
        }
        html.Append("</div>");
        html.Append("<div class=\"curves\">");
        AppendRoc(html, results);
        AppendPrecisionRecall(html, results);
        html.Append("</div></details>");
    }

    private static void AppendRoc(StringBuilder html, IReadOnlyList<AlgorithmResult> results)
    {
        var curves = results.Where(r => r.Metrics is not null && r.RocCurve.Count > 0)
            .Select(r => new SvgChart.Series($"{r.DisplayName} (AUC {RunText.Metric(r.Metrics!.RocAuc)})", SvgChart.ColorOf(r.AlgorithmId),
                r.RocCurve.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)).ToList()))
            .ToList();
        if (curves.Count == 0) return;
        html.Append(SvgChart.Lines("ROC curves", "1 − specificity (false positive rate)", "sensitivity (recall)", curves, (0, 1), (0, 1), diagonal: true));
    }

    /// <summary>Precision against recall, with the line of a model that guesses: precision at the test rows' positive rate, whatever the recall.</summary>
    private static void AppendPrecisionRecall(StringBuilder html, IReadOnlyList<AlgorithmResult> results)
    {
        var drawn = results.Where(r => r.Metrics is not null && r.PrecisionRecallCurve.Count > 0).ToList();
        if (drawn.Count == 0) return;
        // Every result of a run is scored on the same test rows.
        var confusion = drawn[0].Metrics!.Confusion;
        var rate = confusion.Total == 0 ? 0 : (double)confusion.Positives / confusion.Total;
        var curves = new List<SvgChart.Series> { new($"no skill ({RunText.Metric(rate)} positive)", "#9E9E9E", [(0, rate), (1, rate)], Dashed: true) };
        curves.AddRange(drawn.Select(r => new SvgChart.Series($"{r.DisplayName} (PR AUC {RunText.Metric(r.Metrics!.PrAuc)})", SvgChart.ColorOf(r.AlgorithmId),
            r.PrecisionRecallCurve.Select(p => (p.Recall, p.Precision)).ToList(), Steps: true)));
        html.Append(SvgChart.Lines("Precision-recall curves", "recall (sensitivity)", "precision", curves, (0, 1), (0, 1)));
    }

    private static void AppendConfusion(StringBuilder html, AlgorithmResult result, RunDataset dataset)
    {
        var m = result.Metrics!.Confusion;
        var target = E(dataset.Target);
        var positive = E(dataset.PositiveClass);
        var negative = E(dataset.NegativeClass);
        html.Append($"<figure class=\"confusion\" data-algorithm=\"{E(result.AlgorithmId)}\"><figcaption>{E(result.DisplayName)}</figcaption><table class=\"cm\">");
        html.Append($"<tr><th></th><th>predicted {target}={negative}</th><th>predicted {target}={positive}</th></tr>");
        html.Append($"<tr><th>actually {target}={negative}</th>{Cell("TN", m.TrueNegatives, m.Negatives)}{Cell("FP", m.FalsePositives, m.Negatives)}</tr>");
        html.Append($"<tr><th>actually {target}={positive}</th>{Cell("FN", m.FalseNegatives, m.Positives)}{Cell("TP", m.TruePositives, m.Positives)}</tr>");
        html.Append("</table></figure>");
    }

    private static string Cell(string name, int count, int rowTotal)
    {
        var share = rowTotal == 0 ? 0 : (double)count / rowTotal;
        var alpha = (0.08 + 0.6 * share).ToString("0.00", CultureInfo.InvariantCulture);
        return $"<td style=\"background:rgba(33,113,181,{alpha})\">{name} {Count(count)}<br>{RunText.Percent(share)}</td>";
    }

    private static void Row(StringBuilder html, string label, IEnumerable<string> cells)
    {
        html.Append($"<tr><th>{E(label)}</th>");
        foreach (var cell in cells) html.Append($"<td>{E(cell)}</td>");
        html.Append("</tr>");
    }

    private static void Term(StringBuilder html, string term, string definition) => html.Append($"<dt>{E(term)}</dt><dd>{E(definition)}</dd>");

    private static string Names(IEnumerable<ExportRow> rows) => string.Join(" and ", rows.Select(r => r.Result.DisplayName));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
