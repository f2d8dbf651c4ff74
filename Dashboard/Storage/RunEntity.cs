namespace Dashboard.Storage;

/// <summary>
/// One finished run (table "Runs"). Settings that are only read back whole (the data set choice,
/// sliders, seats, resampling summary) are JSON text; what the history grid filters on is a column.
/// </summary>
public sealed class RunEntity
{
    /// <summary>The runner's run id: a run is stored at most once.</summary>
    public required string Id { get; set; }

    public required string RoomCode { get; set; }

    public string? StartedBy { get; set; }

    public required string Reason { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CompletedAt { get; set; }

    public required string DatasetSource { get; set; }

    public required string DatasetName { get; set; }

    public required string Target { get; set; }

    public required string PositiveClass { get; set; }

    public required string NegativeClass { get; set; }

    public string? Credit { get; set; }

    public int TrainRows { get; set; }

    public int TestRows { get; set; }

    public int SplitSeed { get; set; }

    public double TestShare { get; set; }

    public double Threshold { get; set; }

    public bool Leaky { get; set; }

    public string? MovedSliderId { get; set; }

    public double Seconds { get; set; }

    /// <summary>JSON of the <see cref="Core.Rooms.DatasetChoice"/>.</summary>
    public required string ChoiceJson { get; set; }

    /// <summary>JSON array of <see cref="Core.Rooms.SliderState"/>.</summary>
    public required string SlidersJson { get; set; }

    /// <summary>JSON array of <see cref="Core.Rooms.AlgorithmSeat"/>.</summary>
    public required string AlgorithmsJson { get; set; }

    /// <summary>JSON of the <see cref="Core.Training.TrainingSummary"/>, or null.</summary>
    public string? TrainingJson { get; set; }

    /// <summary>JSON of the room's <see cref="Core.Metrics.CostMatrix"/> when the run started; null for runs stored before costs (1 and 1).</summary>
    public string? CostsJson { get; set; }

    public List<RunResultEntity> Results { get; set; } = [];
}
