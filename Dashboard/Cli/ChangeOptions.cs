using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Cli;

/// <summary>
/// The resampling options that `resample` and `loop` share, and how they become the list of
/// <see cref="DistributionChange"/>s a slider panel would make: every `--feature` change in the
/// order given, then the class balance (`--class-share`) last, as DESIGN.md §4 composes sliders.
/// Each `--category`, `--range` and `--share` belongs to the `--feature` before it.
/// </summary>
internal sealed class ChangeOptions
{
    private static readonly Dictionary<string, UndersamplingMethod> UnderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["random"] = UndersamplingMethod.Random,
        ["nearmiss1"] = UndersamplingMethod.NearMiss1,
        ["nearmiss2"] = UndersamplingMethod.NearMiss2,
        ["nearmiss3"] = UndersamplingMethod.NearMiss3,
        ["tomek"] = UndersamplingMethod.TomekLinks,
        ["enn"] = UndersamplingMethod.EditedNearestNeighbours,
    };

    private static readonly Dictionary<string, OversamplingMethod> OverNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["smote"] = OversamplingMethod.Smote,
        ["smote-nc"] = OversamplingMethod.SmoteNc,
        ["borderline"] = OversamplingMethod.BorderlineSmote1,
        ["adasyn"] = OversamplingMethod.Adasyn,
        ["random"] = OversamplingMethod.Random,
        ["smoter"] = OversamplingMethod.SmoteR,
        ["smogn"] = OversamplingMethod.Smogn,
        ["noise"] = OversamplingMethod.GaussianNoise,
    };

    // Values are read as text so that every bad value gets this verb's own message (exit code 2), not a parser error.
    public Option<string?> ClassShare { get; } = new("--class-share")
    {
        Description = "Move the minority class to this share of the training rows, between 0 and 1 (applied after every --feature change).",
    };

    public Option<string?> Balance { get; } = new("--balance")
    {
        Description = "The class-balance slider: -1 to 1, 0 = the data as it is. Below 0 undersamples the MAJORITY class (with --under), above 0 oversamples the MINORITY class (with --over); both ends reach 50/50 (applied after every --feature change).",
    };

    public Option<string[]> Feature { get; } = new("--feature")
    {
        Description = "A feature slider on this column; give --category V or --range LO:HI (default: the rarest category or the top quartile) and --share S after it. Repeat for several.",
    };

    public Option<string[]> TargetRange { get; } = new("--target-range")
    {
        Description = "A target slider (numeric target): the rows whose target lies in [LO, HI) (e.g. 400000: for 400,000 and above); give --share S after it.",
    };

    public Option<string[]> Relevance { get; } = new("--relevance")
    {
        Description = "A target slider (numeric target) on the rare values: 'auto' (box-plot relevance of at least 0.5); give --share S after it.",
    };

    public Option<bool> CommonUnder { get; } = new("--common-under")
    {
        Description = "With --relevance auto: reach its share by undersampling the common values (the target slider's left side, --under) instead of adding rare rows.",
    };

    public Option<string[]> Category { get; } = new("--category")
    {
        Description = "The category of the --feature before it whose rows move.",
    };

    public Option<string[]> Range { get; } = new("--range")
    {
        Description = "The range [LO, HI) of the numeric --feature before it whose rows move; leave an end empty for no bound (e.g. 30: for 30 and above).",
    };

    public Option<string[]> Share { get; } = new("--share")
    {
        Description = "The share of the training rows, between 0 and 1, that the --feature before it moves its group to.",
    };

    public Option<string> Under { get; } = new("--under")
    {
        Description = $"How a group loses rows: {string.Join(", ", UnderNames.Keys)} (all but random act on the class only).",
        DefaultValueFactory = _ => "random",
    };

    public Option<string> Over { get; } = new("--over")
    {
        Description = $"How a group gains rows: {string.Join(", ", OverNames.Keys)}.",
        DefaultValueFactory = _ => "smote",
    };

    public Option<int> K { get; } = new("--k")
    {
        Description = "Nearest neighbours SMOTE interpolates between.",
        DefaultValueFactory = _ => 5,
    };

    public void AddTo(Command command)
    {
        command.Add(ClassShare);
        command.Add(Balance);
        command.Add(Feature);
        command.Add(TargetRange);
        command.Add(Relevance);
        command.Add(CommonUnder);
        command.Add(Category);
        command.Add(Range);
        command.Add(Share);
        command.Add(Under);
        command.Add(Over);
        command.Add(K);
    }

    /// <summary>
    /// The changes the options ask for, in the order they apply; empty when none is given. Settings
    /// that cannot be meant (a share outside (0, 1), an unknown method, a malformed range, an orphan
    /// --share) throw a <see cref="DatasetException"/> with the message to show; unknown columns and
    /// categories and empty ranges are reported by the resampling engine in the same way.
    /// </summary>
    public IReadOnlyList<DistributionChange> Build(ParseResult parse, LabeledDataset data, IReadOnlyList<int> trainRows)
    {
        var under = Lookup(UnderNames, parse.GetValue(Under)!, "--under");
        var over = Lookup(OverNames, parse.GetValue(Over)!, "--over");
        var k = parse.GetValue(K);
        var sliders = ReadFeatureSliders(parse, data);
        var commonUnder = parse.GetValue(CommonUnder);
        if (commonUnder && !sliders.Any(s => s.IsRareValues))
        {
            throw Invalid(data, "--common-under moves the common target values against the rare ones: give it with --relevance auto --share S.");
        }
        var changes = sliders
            .Select(slider => commonUnder && slider.IsRareValues
                // The rare values' share S is the common values' share 1 - S, reached from above by undersampling them.
                ? new DistributionChange(new ClassGroup(0), 1 - slider.TargetShare(data), under, over, k)
                : new DistributionChange(slider.Group(data, trainRows), slider.TargetShare(data), under, over, k))
            .ToList();
        var balance = parse.GetValue(Balance);
        if (parse.GetValue(ClassShare) is { } classShare)
        {
            if (balance is not null) throw Invalid(data, "--class-share and --balance both move the class balance: give one.");
            changes.Add(new DistributionChange(ClassGroup.Minority(data, trainRows), ParseShare(classShare, "--class-share", data), under, over, k));
        }
        if (balance is not null && ParseBalance(balance, data) is var position && position != 0)
        {
            changes.Add(DistributionChange.TowardBalance(ClassGroup.Minority(data, trainRows), position, under, over, k));
        }
        return changes;
    }

    /// <summary>Pairs every --category, --range and --share with the --feature before it, in command-line order.</summary>
    private List<FeatureSlider> ReadFeatureSliders(ParseResult parse, LabeledDataset data)
    {
        var sliders = new List<FeatureSlider>();
        var tokens = parse.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Type != TokenType.Option || tokens[i + 1].Type != TokenType.Argument) continue;
            var option = new[] { Feature, TargetRange, Relevance, Category, Range, Share }.FirstOrDefault(o => o.Name == tokens[i].Value || o.Aliases.Contains(tokens[i].Value));
            if (option is null) continue;
            var value = tokens[i + 1].Value;
            if (option == Feature)
            {
                sliders.Add(new FeatureSlider(value));
                continue;
            }
            if (option == TargetRange || option == Relevance)
            {
                sliders.Add(FeatureSlider.OnTarget(option.Name, value, data));
                continue;
            }
            var name = option.Name;
            if (sliders.Count == 0)
            {
                throw Invalid(data, option == Share
                    ? $"--share {value} belongs to a feature or the target: write it after --feature COLUMN, --target-range LO:HI or --relevance auto (for the class balance, use --class-share)."
                    : $"{name} {value} belongs to a feature: write it after --feature COLUMN.");
            }
            sliders[^1] = sliders[^1].With(name, value, data);
        }
        return sliders;
    }

    private static T Lookup<T>(Dictionary<string, T> names, string value, string option) =>
        names.TryGetValue(value, out var method)
            ? method
            : throw new DatasetException(DataProblem.InvalidSetting,
                $"{option} '{value}' is not a method. Choose one of: {string.Join(", ", names.Keys)}.", value: value);

    private static double ParseShare(string text, string option, LabeledDataset data) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share > 0 && share < 1
            ? share
            : throw Invalid(data, $"{option} must be a number between 0 and 1 (exclusive), e.g. 0.3; '{text}' was given.");

    private static double ParseBalance(string text, LabeledDataset data) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var position) && ClassBalance.Problem(position) is null
            ? position
            : throw Invalid(data, $"--balance must be a number from -1 (undersample the majority until 50/50) to 1 (SMOTE the minority until 50/50), 0 being the data as it is, e.g. -0.5; '{text}' was given.");

    private static DatasetException Invalid(LabeledDataset data, string message) =>
        new(DataProblem.InvalidSetting, message, data.Data.Name);

    /// <summary>One --feature (or target slider) with what followed it; validated as it is filled in.</summary>
    private sealed record FeatureSlider(string Column, string? Category = null, (double Lo, double Hi)? Range = null, string? Share = null)
    {
        /// <summary>How messages name the slider: "--feature fare", "--target-range 400000:", "--relevance auto".</summary>
        private string Name { get; init; } = $"--feature {Column}";

        /// <summary>True for --target-range and --relevance: the group is of target values, not of a feature's.</summary>
        private bool OnTargetValues { get; init; }

        /// <summary>True for --relevance auto: the group is the rare target values.</summary>
        public bool IsRareValues => OnTargetValues && Range is null;

        /// <summary>A target slider: --target-range LO:HI, or --relevance auto (the rare values).</summary>
        public static FeatureSlider OnTarget(string option, string value, LabeledDataset data)
        {
            if (data.Task != TargetTask.Regression)
            {
                throw Invalid(data, $"{option} acts on a numeric target's values, but '{data.TargetColumn}' is read as classes. Use --class-share, or --task regression for a numeric target.");
            }
            var slider = new FeatureSlider(data.TargetColumn) { Name = $"{option} {value}", OnTargetValues = true };
            if (option == "--relevance")
            {
                return value == "auto" ? slider : throw Invalid(data, $"--relevance '{value}' is not offered: give --relevance auto (the box-plot relevance).");
            }
            return slider with { Range = slider.ParseRange(value, data) };
        }

        public FeatureSlider With(string option, string value, LabeledDataset data)
        {
            switch (option)
            {
                case "--share" when Share is not null:
                    throw Invalid(data, $"{Name} has two --share values ({Share} and {value}); give one.");
                case "--share":
                    return this with { Share = value };
                case "--category" or "--range" when OnTargetValues:
                    throw Invalid(data, $"{option} belongs to a --feature; {Name} already says which target values move.");
                case "--category" or "--range" when Category is not null || Range is not null:
                    throw Invalid(data, $"--feature {Column} has more than one --category or --range; give one (repeat --feature for another group).");
                case "--category":
                    return this with { Category = value };
                default:
                    return this with { Range = ParseRange(value, data) };
            }
        }

        public double TargetShare(LabeledDataset data) =>
            Share is null
                ? throw Invalid(data, $"{Name} needs --share S: the share of the training rows its group should have, between 0 and 1.")
                : ParseShare(Share, $"--share for {Name}", data);

        /// <summary>The group asked for, or the feature's default group: its rarest category, or its top quartile.</summary>
        public FocusGroup Group(LabeledDataset data, IReadOnlyList<int> trainRows)
        {
            if (OnTargetValues) return Range is { } target ? new TargetRangeGroup(target.Lo, target.Hi) : new ClassGroup(1);
            if (Category is not null) return new CategoryGroup(Column, Category);
            if (Range is { } range) return new NumericRangeGroup(Column, range.Lo, range.Hi);
            // An unknown column fails here with the data set's own message; a column that is not a feature, when the group is bound.
            return data.Data.Column(Column).Kind == ColumnKind.Numeric
                ? NumericRangeGroup.TopQuartile(data, Column, trainRows)
                : CategoryGroup.Rarest(data, Column, trainRows);
        }

        /// <summary>LO:HI with invariant numbers; an empty end is unbounded.</summary>
        private (double Lo, double Hi) ParseRange(string text, LabeledDataset data)
        {
            var parts = text.Split(':');
            if (parts.Length == 2 && TryBound(parts[0], double.NegativeInfinity, out var lo) && TryBound(parts[1], double.PositiveInfinity, out var hi))
            {
                return (lo, hi);
            }
            throw Invalid(data, $"{(OnTargetValues ? "--target-range" : $"--range for {Name}")} must be LO:HI with two numbers (e.g. 18:30, or 60: for 60 and above); '{text}' was given.");
        }

        private static bool TryBound(string text, double unbounded, out double value)
        {
            if (text.Length == 0)
            {
                value = unbounded;
                return true;
            }
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value);
        }
    }
}
