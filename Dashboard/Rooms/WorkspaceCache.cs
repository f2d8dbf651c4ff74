using System.Collections.Concurrent;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Storage;

namespace Dashboard.Rooms;

/// <summary>
/// Prepares each (data set, target, split) once and shares it between rooms: the split is made once
/// per data set and seed and reused by every run. Keeps the most recently used few.
/// </summary>
public sealed class WorkspaceCache(ServerDatasets datasets)
{
    private const int Capacity = 16;

    private readonly ConcurrentDictionary<string, Lazy<Task<DatasetWorkspace>>> _entries = new();
    private readonly ConcurrentQueue<string> _order = new();

    public Task<DatasetWorkspace> GetAsync(DatasetChoice choice, CancellationToken cancellationToken)
    {
        var key = string.Join('|', choice.Source, choice.Target, choice.PositiveClass,
            choice.ExcludedColumns is null ? "(default)" : string.Join(',', choice.ExcludedColumns), choice.SplitSeed, choice.TestShare,
            string.Join(',', (choice.KindOverrides ?? new Dictionary<string, ColumnKind>()).OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}")),
            choice.Task?.ToString() ?? "(from the target)", choice.RelevanceThreshold?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "(default relevance)");
        var entry = _entries.GetOrAdd(key, k =>
        {
            _order.Enqueue(k);
            return new Lazy<Task<DatasetWorkspace>>(() => Task.Run(() => Prepare(choice), CancellationToken.None));
        });
        Evict();
        var task = entry.Value;
        // A failed preparation (bad target) is not cached: the next try starts afresh.
        _ = task.ContinueWith(_ => _entries.TryRemove(key, out var _), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task.WaitAsync(cancellationToken);
    }

    private void Evict()
    {
        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest)) _entries.TryRemove(oldest, out _);
    }

    private DatasetWorkspace Prepare(DatasetChoice choice)
    {
        var bundled = BundledDatasets.Find(choice.Source);
        var dataset = choice.ApplyOverrides(datasets.Load(choice.Source));
        var target = choice.Target ?? bundled?.DefaultTarget ?? throw new DatasetException(DataProblem.TargetMissing,
            $"Pick the column to predict (the target). Columns: {string.Join(", ", dataset.Columns.Select(c => c.Name))}.", dataset.Name);
        var labeled = LabeledDataset.Create(dataset, choice.TargetChoice(target));
        return DatasetWorkspace.Prepare(labeled, choice.TestShare, choice.SplitSeed, bundled?.Title ?? dataset.Name, bundled?.Credit);
    }
}
