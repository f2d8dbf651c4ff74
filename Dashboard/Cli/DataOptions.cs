using System.CommandLine;
using Dashboard.Core.Data;
using Dashboard.Core.Training;

namespace Dashboard.Cli;

/// <summary>The options every data verb shares (--data, --target, --positive, --exclude, --task, --seed, --test-size) and how they load a data set.</summary>
internal sealed class DataOptions
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = $"A bundled data set ({string.Join(", ", BundledDatasets.Names)}) or the path of a CSV file.",
        DefaultValueFactory = _ => BundledDatasets.DefaultName,
    };

    public Option<string?> Target { get; } = new("--target")
    {
        Description = "The column to predict (default for a bundled set: its own target).",
    };

    public Option<string?> Positive { get; } = new("--positive")
    {
        Description = "The positive class of the target (default: the minority class).",
    };

    // Read as text so that a bad value gets this verb's own message (exit code 2), not a parser error.
    public Option<string> Task { get; } = new("--task")
    {
        Description = "auto (default: a numeric target with many distinct values is predicted as a number), classification or regression.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string[]?> Exclude { get; } = new("--exclude")
    {
        Description = "Columns to leave out of the features (default: identifier-like columns).",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of every random choice (split, resampling, training).",
        DefaultValueFactory = _ => 42,
    };

    public Option<double> TestSize { get; } = new("--test-size")
    {
        Description = "Share of the rows held out for testing, between 0 and 1.",
        DefaultValueFactory = _ => StratifiedSplitter.DefaultTestShare,
    };

    public void AddTo(Command command, bool withSplit)
    {
        command.Add(Data);
        command.Add(Target);
        command.Add(Positive);
        command.Add(Exclude);
        command.Add(Task);
        if (!withSplit) return;
        command.Add(Seed);
        command.Add(TestSize);
    }

    public Dataset LoadDataset(ParseResult parse) =>
        BundledDatasets.LoadNameOrPath(parse.GetValue(Data)!, AppConfiguration.DataLimits(AppConfiguration.Load()));

    /// <summary>The target to use: the one given, else a bundled set's own; null when neither is known.</summary>
    public string? TargetColumn(ParseResult parse) =>
        parse.GetValue(Target) ?? BundledDatasets.Find(parse.GetValue(Data)!)?.DefaultTarget;

    /// <summary>Loads and labels the data set, and makes the fixed stratified split (--seed, --test-size) every run of it uses.</summary>
    public (LabeledDataset Data, DataSplit Split) LoadSplit(ParseResult parse)
    {
        var labeled = Label(parse, LoadDataset(parse));
        return (labeled, StratifiedSplitter.Split(labeled.SplitLabels, parse.GetValue(TestSize), parse.GetValue(Seed)));
    }

    /// <summary>Loads, labels, splits and featurizes the data set as a room does (<see cref="Core.Rooms.DatasetWorkspace.SplitAndFeaturize"/>).</summary>
    public FeaturizedSplit LoadFeaturized(ParseResult parse) =>
        Core.Rooms.DatasetWorkspace.SplitAndFeaturize(Label(parse, LoadDataset(parse)), parse.GetValue(TestSize), parse.GetValue(Seed));

    public LabeledDataset Label(ParseResult parse, Dataset dataset)
    {
        var target = TargetColumn(parse) ?? throw new DatasetException(DataProblem.TargetMissing,
            $"Say which column to predict with --target (the columns are: {string.Join(", ", dataset.Columns.Select(c => c.Name))}).",
            dataset.Name);
        var excluded = parse.GetValue(Exclude);
        TargetTask? task = parse.GetValue(Task) switch
        {
            "classification" => TargetTask.Classification,
            "regression" => TargetTask.Regression,
            "auto" => null,
            var other => throw new DatasetException(DataProblem.InvalidSetting,
                $"--task '{other}' is not a task. Choose auto, classification or regression.", dataset.Name, value: other),
        };
        return LabeledDataset.Create(dataset, new TargetChoice(target, parse.GetValue(Positive), excluded is { Length: > 0 } ? excluded : null, task));
    }
}
