using System.CommandLine;
using Dashboard.Core.Data;

namespace Dashboard.Cli;

/// <summary>The options every data verb shares (--data, --target, --positive, --exclude, --seed, --test-size) and how they load a data set.</summary>
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
        return (labeled, StratifiedSplitter.Split(labeled.Labels, parse.GetValue(TestSize), parse.GetValue(Seed)));
    }

    public LabeledDataset Label(ParseResult parse, Dataset dataset)
    {
        var target = TargetColumn(parse) ?? throw new DatasetException(DataProblem.TargetMissing,
            $"Say which column to predict with --target (the columns are: {string.Join(", ", dataset.Columns.Select(c => c.Name))}).",
            dataset.Name);
        var excluded = parse.GetValue(Exclude);
        return LabeledDataset.Create(dataset, new TargetChoice(target, parse.GetValue(Positive), excluded is { Length: > 0 } ? excluded : null));
    }
}
