namespace Dashboard.Components.Cards;

/// <summary>What an algorithm is doing right now, for the card's status line.</summary>
public enum AlgorithmActivity
{
    /// <summary>Nothing running: the card shows its latest result.</summary>
    Idle,

    /// <summary>Training or scoring; the card shows a progress bar.</summary>
    Training,
}
