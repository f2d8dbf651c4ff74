using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Sliders;

public partial class SliderSettings
{
    /// <summary>The class slider's choice: <see cref="BalanceChoice"/> for the balance track, else the label ("1", "0") of the class it moves freely.</summary>
    private string _classChoice = BalanceChoice;

    private const string BalanceChoice = "balance";

    /// <summary>For a numeric target: the slider moves a range of target values the user picks.</summary>
    private const string RangeChoice = "target-range";

    /// <summary>A target range's upper end; null: no limit ("Sale_Price ≥ 400,000").</summary>
    private double? _targetHi;
    private string? _category;
    private double _lo;
    private double _hi;
    private UndersamplingMethod _under;
    private OversamplingMethod _over;
    private int _k;
    private string? _error;
    private SliderState? _shown;

    [Parameter, EditorRequired]
    public SliderState Slider { get; set; } = default!;

    [Parameter, EditorRequired]
    public LabeledDataset Data { get; set; } = default!;

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public EventCallback<ConfigureSlider> OnApply { get; set; }

    /// <summary>The training rows, for the rare-values slider's relevance threshold readout (null: no threshold control).</summary>
    [Parameter]
    public IReadOnlyList<int>? TrainRows { get; set; }

    /// <summary>The rare-values slider's relevance threshold was set (the room reloads at it).</summary>
    [Parameter]
    public EventCallback<double> OnSetRelevanceThreshold { get; set; }

    private DataColumn? Column => Slider.Column is { } column ? Data.Data.Column(column) : null;

    /// <summary>NearMiss, Tomek links and ENN remove rows of a class by its neighbours: class groups only.</summary>
    private IEnumerable<UndersamplingMethod> UnderMethods =>
        Slider.IsClassSlider && !IsRegression ? Enum.GetValues<UndersamplingMethod>() : [UndersamplingMethod.Random];

    /// <summary>For a numeric target the regression oversamplers (SMOTER, SMOGN, random, noise); every method for classes.</summary>
    private IEnumerable<OversamplingMethod> OverMethods => IsRegression ? MethodNames.ForRegression : Enum.GetValues<OversamplingMethod>();

    private bool IsRegression => Data.Task == TargetTask.Regression;

    private string MajorityWord => IsRegression ? "common values" : "majority";

    private string MinorityWord => IsRegression ? "rare values" : "minority";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Slider)) return;
        _shown = Slider;
        (_under, _over, _k, _error) = (Slider.Under, Slider.Over, Slider.K, null);
        switch (Slider.Group)
        {
            case ClassGroup c: _classChoice = Slider.IsBalanceTrack ? BalanceChoice : c.Label.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
            case CategoryGroup c: _category = c.Category; break;
            case NumericRangeGroup r: (_lo, _hi) = (r.Lo, r.Hi); break;
            case TargetRangeGroup t:
                _classChoice = RangeChoice;
                (_lo, _targetHi) = (t.Lo, double.IsPositiveInfinity(t.Hi) ? null : t.Hi);
                break;
        }
    }

    private async Task ApplyAsync()
    {
        if (Slider.Group is NumericRangeGroup && !(_lo < _hi))
        {
            _error = "'From' must be below 'To'.";
            return;
        }
        if (_classChoice == RangeChoice && IsRegression && _targetHi is { } hi && !(_lo < hi))
        {
            _error = "'From' must be below 'To' (or leave 'To' empty for no upper limit).";
            return;
        }
        _error = null;
        // No group for the balance track: the room puts the class slider back on it (the minority toward 50/50).
        FocusGroup? group = Slider.Group switch
        {
            ClassGroup or TargetRangeGroup when _classChoice == BalanceChoice => null,
            ClassGroup or TargetRangeGroup when _classChoice == RangeChoice => new TargetRangeGroup(_lo, _targetHi ?? double.PositiveInfinity),
            ClassGroup => new ClassGroup(_classChoice == "1" ? 1 : 0),
            CategoryGroup c => new CategoryGroup(c.Column, _category ?? c.Category),
            NumericRangeGroup r => new NumericRangeGroup(r.Column, _lo, _hi),
            _ => Slider.Group,
        };
        await OnApply.InvokeAsync(new ConfigureSlider("", Slider.Id, group, _under, _over, _k));
    }
}
