namespace Dashboard.Components.Cards;

/// <summary>What an algorithm is doing right now, for the card's status line.</summary>
public enum AlgorithmActivity
{
    /// <summary>Nothing running: the card shows its latest result.</summary>
    Idle,

    /// <summary>A run has started and this algorithm waits for a training slot.</summary>
    Queued,

    /// <summary>Training or scoring; the card shows a progress bar.</summary>
    Training,
}
