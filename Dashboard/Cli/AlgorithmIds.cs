using System.CommandLine;
using Dashboard.Core.Data;
using Dashboard.Core.Training;

namespace Dashboard.Cli;

/// <summary>Reads algorithm ids given on the command line (--algorithms, --model) against the catalog.</summary>
internal static class AlgorithmIds
{
    public static string DefaultList => string.Join(',', AlgorithmCatalog.Defaults.Select(a => a.Id));

    public static string Known => string.Join(", ", AlgorithmCatalog.All.Select(a => a.Id));

    /// <summary>The --algorithms option: a comma-separated list, the four defaults unless given.</summary>
    public static Option<string> CreateListOption() => new("--algorithms")
    {
        Description = $"Comma-separated algorithms to train, in the order to report them ({Known}).",
        DefaultValueFactory = _ => DefaultList,
    };

    /// <summary>The --model option of the verbs that train one model: the first default algorithm unless given.</summary>
    /// <param name="role">What the model is for, e.g. "The algorithm to explain".</param>
    public static Option<string> CreateModelOption(string role) => new("--model")
    {
        Description = $"{role} ({Known}).",
        DefaultValueFactory = _ => AlgorithmCatalog.Defaults[0].Id,
    };

    public static AlgorithmDescriptor Find(string id, string option) =>
        AlgorithmCatalog.All.FirstOrDefault(a => a.Id == id.Trim())
        ?? throw new DatasetException(DataProblem.InvalidSetting, $"{option}: there is no algorithm '{id.Trim()}'. Choose from: {Known}.", value: id);

    /// <summary>The seats' algorithms for the task: for regression, each seat's regressor (the extras have none).</summary>
    public static IReadOnlyList<AlgorithmDescriptor> ForTask(IReadOnlyList<AlgorithmDescriptor> chosen, TargetTask task, string option) =>
        task == TargetTask.Classification
            ? chosen
            : chosen.Select(a => AlgorithmCatalog.RegressionDefaults.FirstOrDefault(r => r.Id == a.Id) ?? throw new DatasetException(DataProblem.InvalidSetting,
                $"{option}: '{a.Id}' has no regressor, and the target is predicted as a number. Choose from: {string.Join(", ", AlgorithmCatalog.RegressionDefaults.Select(r => r.Id))}.",
                value: a.Id)).ToArray();

    /// <summary>A comma-separated list of distinct ids, in the order given.</summary>
    public static IReadOnlyList<AlgorithmDescriptor> ParseList(string list, string option)
    {
        var ids = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            throw new DatasetException(DataProblem.InvalidSetting, $"{option} needs at least one algorithm, e.g. {DefaultList}.", value: list);
        }
        if (ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new DatasetException(DataProblem.InvalidSetting, $"{option} names '{repeated.Key}' twice; list each algorithm once.", value: list);
        }
        return ids.Select(id => Find(id, option)).ToArray();
    }
}
