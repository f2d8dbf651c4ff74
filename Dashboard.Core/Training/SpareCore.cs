namespace Dashboard.Core.Training;

/// <summary>
/// Runs <paramref name="work"/> on a core no fit is using, if there is one now, and returns its task; null when every
/// core is taken. The work must stop between its steps once its token is cancelled: a fit has come to wait for that core.
/// A fit made of independent parts (the forest's trees) uses it to finish sooner when the other fits of its run are done;
/// the parts must not depend on which thread grows them, so the result is the same bits either way.
/// </summary>
public delegate Task? SpareCore(Action<CancellationToken> work);
