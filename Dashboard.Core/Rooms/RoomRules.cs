using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// How each command changes a room's state, as a pure function: the runner applies it, tests call it
/// directly. An invalid command throws <see cref="ArgumentException"/> or <see cref="DatasetException"/>
/// with a message for the user; the state is then unchanged.
/// </summary>
public static class RoomRules
{
    public const double MinShare = 0.01;
    public const double MaxShare = 0.95;

    public static CommandOutcome Apply(RoomState state, RoomCommand command, FeaturizedSplit split)
    {
        var outcome = command switch
        {
            SelectDataset c => new CommandOutcome(state with { Dataset = c.Dataset, Sliders = [] }, RunScope.NewDataset, $"loaded {c.Dataset.Source}"),
            MoveSlider c => MoveSlider(state, c),
            ConfigureSlider c => Replace(state, state.Slider(c.SliderId) with { Group = c.Group, Under = c.Under, Over = c.Over, K = ValidK(c.K), TargetShare = null },
                RunScope.AllAlgorithms, $"set the {state.Slider(c.SliderId).Label} slider to {c.Group.Describe(split.Data)}"),
            AddSlider c => AddSlider(state, c, split),
            RemoveSlider c => RemoveSlider(state, c),
            SetAlgorithm c => SetAlgorithm(state, c),
            SetThreshold c => SetThreshold(state, c),
            SetLeakyMode c => new CommandOutcome(state with { Leaky = c.Leaky }, RunScope.AllAlgorithms, c.Leaky ? "turned leaky mode ON" : "turned leaky mode off"),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}."),
        };
        return outcome with { State = outcome.State with { Version = state.Version + 1 } };
    }

    private static CommandOutcome MoveSlider(RoomState state, MoveSlider command)
    {
        var slider = state.Slider(command.SliderId);
        if (command.TargetShare is { } share && (double.IsNaN(share) || share < MinShare || share > MaxShare))
        {
            throw new ArgumentException($"A slider's share must be between {Format(MinShare * 100)}% and {Format(MaxShare * 100)}% of the training rows; {Format(share)} was given.");
        }
        var text = command.TargetShare is { } s ? $"moved {slider.Label} to {Format(s)}" : $"reset {slider.Label}";
        return Replace(state, slider with { TargetShare = command.TargetShare }, RunScope.AllAlgorithms, text);
    }

    private static CommandOutcome AddSlider(RoomState state, AddSlider command, FeaturizedSplit split)
    {
        if (!split.Data.FeatureNames.Contains(command.Column))
        {
            throw new ArgumentException($"'{command.Column}' is not a feature of this data set, so it cannot have a slider.");
        }
        if (state.Sliders.Any(s => s.Column == command.Column)) throw new ArgumentException($"'{command.Column}' already has a slider.");
        var sliders = state.Sliders.Append(RoomDefaults.FeatureSlider(split, command.Column)).ToArray();
        return new CommandOutcome(state with { Sliders = sliders }, RunScope.None, $"added a slider for {command.Column}");
    }

    private static CommandOutcome RemoveSlider(RoomState state, RemoveSlider command)
    {
        var slider = state.Slider(command.SliderId);
        if (slider.IsClassSlider) throw new ArgumentException("The class-balance slider cannot be removed; reset it instead.");
        var sliders = state.Sliders.Where(s => s.Id != slider.Id).ToArray();
        // Removing a slider that was away from neutral changes the training rows.
        var scope = slider.TargetShare is null ? RunScope.None : RunScope.AllAlgorithms;
        return new CommandOutcome(state with { Sliders = sliders }, scope, $"removed the slider for {slider.Label}");
    }

    private static CommandOutcome SetAlgorithm(RoomState state, SetAlgorithm command)
    {
        var seat = state.Seat(command.AlgorithmId);
        var algorithm = AlgorithmCatalog.Get(command.AlgorithmId);
        algorithm.Validate(command.Hyperparameters);
        command.ClassWeight.WeightsFor([0, 1]); // validates a custom weight
        var seats = state.Algorithms.Select(a => a.AlgorithmId == seat.AlgorithmId
            ? a with { Hyperparameters = command.Hyperparameters, ClassWeight = command.ClassWeight }
            : a).ToArray();
        return new CommandOutcome(state with { Algorithms = seats }, RunScope.OneAlgorithm, $"changed {algorithm.DisplayName}'s settings", algorithm.Id);
    }

    private static CommandOutcome SetThreshold(RoomState state, SetThreshold command)
    {
        if (double.IsNaN(command.Threshold) || command.Threshold < 0 || command.Threshold > 1)
        {
            throw new ArgumentException($"The threshold must be between 0 and 1; {Format(command.Threshold)} was given.");
        }
        return new CommandOutcome(state with { Threshold = command.Threshold }, RunScope.None, $"set the threshold to {Format(command.Threshold)}");
    }

    private static CommandOutcome Replace(RoomState state, SliderState slider, RunScope scope, string description) =>
        new(state with { Sliders = state.Sliders.Select(s => s.Id == slider.Id ? slider : s).ToArray() }, scope, description);

    private static int ValidK(int k) =>
        k is >= 1 and <= 50 ? k : throw new ArgumentException($"k (neighbours for SMOTE) must be between 1 and 50; {k} was given.");

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
