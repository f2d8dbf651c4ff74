using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Common;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// Results and resampled rows already computed, shared by every room of a server, so a slider position
/// visited before (by anyone, in any room on the same data set) answers at once. Each entry is keyed by
/// everything it depends on: the data set and split, every slider's change in order, leaky mode, and for a
/// result the algorithm, its hyperparameters, class weight and seed. Training is deterministic for these,
/// so a cached result is the result a fresh fit would give (only its timings are the first fit's).
/// Bounded: the least recently used entries go first.
/// </summary>
public sealed class ResultCache(int results = ResultCache.DefaultResults, int preparedRuns = ResultCache.DefaultPreparedRuns)
{
    public const int DefaultResults = 4000;
    public const int DefaultPreparedRuns = 24;

    private readonly LruCache<string, AlgorithmResult> _results = new(results);
    private readonly LruCache<string, PreparedRun> _prepared = new(preparedRuns);
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public int ResultCount => _results.Count;

    /// <summary>The key of a run's training rows: data set, split, the sliders' changes in the order they apply, leaky mode.</summary>
    /// <remarks>The task and relevance threshold the user chose are added only when set, so a classification room's keys are what they always were.</remarks>
    public static string PreparationKey(DatasetChoice dataset, IReadOnlyList<DistributionChange> changes, bool leaky) =>
        Hash((dataset.Task is { } task ? $"task={task}|" : "")
            + (dataset.RelevanceThreshold is { } threshold ? string.Create(CultureInfo.InvariantCulture, $"relevance={threshold:R}|") : "")
            + JsonSerializer.Serialize(new
        {
            dataset.Source, dataset.Target, dataset.PositiveClass, dataset.ExcludedColumns, dataset.SplitSeed, dataset.TestShare,
            Overrides = dataset.KindOverrides?.OrderBy(o => o.Key, StringComparer.Ordinal).ToArray(),
            Changes = changes,
            Leaky = leaky,
        }));

    /// <summary>The key of one algorithm's result on those rows.</summary>
    public static string ResultKey(string preparationKey, AlgorithmSettings settings, int seed) =>
        Hash(JsonSerializer.Serialize(new
        {
            Rows = preparationKey,
            settings.Algorithm.Id,
            Hyperparameters = settings.Hyperparameters.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToArray(),
            settings.ClassWeight.Mode,
            settings.ClassWeight.PositiveWeight,
            Seed = seed,
        }));

    public bool TryGetResult(string key, out AlgorithmResult result) => Count(_results.TryGet(key, out result));

    /// <summary>Keeps a finished result (a failed one is not kept: the next try fits again). The trained model is dropped.</summary>
    /// <param name="origin">Who trained it: a run (<see cref="ResultOrigin.Trained"/>) or speculation ahead of a move.</param>
    public void SetResult(string key, AlgorithmResult result, ResultOrigin origin = ResultOrigin.Trained)
    {
        if (result.Status == AlgorithmStatus.Completed) _results.Set(key, result with { Model = null, Regressor = null, Origin = origin });
    }

    /// <summary>Whether a result is kept, without counting a hit or a miss or refreshing its place.</summary>
    public bool Contains(string key) => _results.Contains(key);

    public PreparedRun? GetPrepared(string key) => Count(_prepared.TryGet(key, out var run)) ? run : null;

    public void SetPrepared(string key, PreparedRun run) => _prepared.Set(key, run);

    private bool Count(bool hit)
    {
        Interlocked.Increment(ref hit ? ref _hits : ref _misses);
        return hit;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
