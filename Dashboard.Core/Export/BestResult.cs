using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Core.Export;

/// <summary>Which algorithm did best by a chosen metric: the highest value among completed results whose metric is defined.</summary>
public static class BestResult
{
    /// <summary>The rows with the highest value (several on a tie, within 1e-12); empty when no result has the metric defined.</summary>
    public static IReadOnlyList<ExportRow> Among(IEnumerable<ExportRow> rows, MetricId metric)
    {
        var candidates = rows
            .Where(r => r.Result is { Status: AlgorithmStatus.Completed, Metrics: { } m } && m.IsDefined(metric))
            .ToList();
        if (candidates.Count == 0) return [];
        var best = candidates.Max(r => r.Result.Metrics!.Get(metric));
        return candidates.Where(r => r.Result.Metrics!.Get(metric) >= best - 1e-12).ToList();
    }

    /// <summary>The best results of one run.</summary>
    public static IReadOnlyList<ExportRow> In(RecordedRun run, MetricId metric) => Among(RunTable.Rows([run]), metric);
}
