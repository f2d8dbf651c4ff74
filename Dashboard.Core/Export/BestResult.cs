using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Core.Export;

/// <summary>Which algorithm did best by a chosen metric: the highest value among completed results whose metric is defined.</summary>
public static class BestResult
{
    /// <summary>The rows with the highest value (several on a tie, within 1e-12); empty when no result has the metric defined.</summary>
    public static IReadOnlyList<ExportRow> Among(IEnumerable<ExportRow> rows, MetricId metric) =>
        Among(rows, r => r.Metrics is { } m && m.IsDefined(metric) ? m.Get(metric) : null);

    /// <summary>The rows with the highest R² (regression results; several on a tie); empty when none has one.</summary>
    public static IReadOnlyList<ExportRow> ByRSquared(IEnumerable<ExportRow> rows) =>
        Among(rows, r => r.Regression?.R2 is { } r2 && double.IsFinite(r2) ? r2 : null);

    /// <summary>The completed rows with the highest value (null: not defined for that result), within 1e-12.</summary>
    private static IReadOnlyList<ExportRow> Among(IEnumerable<ExportRow> rows, Func<AlgorithmResult, double?> value)
    {
        var candidates = rows
            .Where(r => r.Result.Status == AlgorithmStatus.Completed)
            .Select(r => (Row: r, Value: value(r.Result)))
            .Where(c => c.Value is not null)
            .ToList();
        if (candidates.Count == 0) return [];
        var best = candidates.Max(c => c.Value!.Value);
        return candidates.Where(c => c.Value >= best - 1e-12).Select(c => c.Row).ToList();
    }

    /// <summary>The best results of one run.</summary>
    public static IReadOnlyList<ExportRow> In(RecordedRun run, MetricId metric) => Among(RunTable.Rows([run]), metric);
}
