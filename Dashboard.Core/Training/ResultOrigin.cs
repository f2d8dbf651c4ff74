namespace Dashboard.Core.Training;

/// <summary>Where a result shown on a card came from: a fit made for this run, or the server's cache of earlier fits.</summary>
public enum ResultOrigin
{
    Trained,
    Cache,
}
