using Dashboard.Core.Rooms;

namespace Dashboard.Rooms;

/// <summary>
/// Sweeps of one room: a slider moved across its range, one run per position, each run finished before
/// the next move, so the history chart fills with a curve. A sweep is commands like a member's moves.
/// </summary>
public sealed class RoomSweeps(IRoom room, CancellationToken closing)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _background;

    /// <summary>
    /// Positions a sweep visits: 5 % to 80 % of the training rows in 8 equal steps, in the order that shows the
    /// curve's shape soonest: both ends, then the middle, then the middles of what is left (the chart sorts by share).
    /// </summary>
    public static IReadOnlyList<double> Shares { get; } =
        new[] { 0, 7, 4, 2, 6, 1, 3, 5 }.Select(step => Math.Round(0.05 + (0.80 - 0.05) * step / 7, 3)).ToArray();

    /// <summary>
    /// Positions a sweep of the class-balance track visits: both sides at equal steps, so the history chart gets its
    /// undersampling line and its SMOTE line at the same minority shares (neutral is the baseline's point); both ends
    /// first, then the middles, as <see cref="Shares"/>.
    /// </summary>
    public static IReadOnlyList<double> BalancePositions { get; } = [-1, 1, -0.5, 0.5, -0.75, 0.75, -0.25, 0.25];

    /// <summary>Sweeps and waits for it; answers null when done, or why a move was refused.</summary>
    public async Task<string?> RunAsync(string memberId, string sliderId, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var positions = room.View.State.Sliders.FirstOrDefault(s => s.Id == sliderId)?.IsBalanceTrack == true ? BalancePositions : Shares;
        for (var step = 0; step < positions.Count; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await room.ExecuteAsync(new MoveSlider(memberId, sliderId, positions[step])) is { } refusal) return refusal;
            await IdleAsync(cancellationToken);
            progress?.Report((step + 1) / (double)positions.Count);
        }
        return null;
    }

    /// <summary>Starts a sweep in the background for a client that does not wait on it (the hub); a newer one stops the older.</summary>
    public string? Start(string memberId, string sliderId)
    {
        var state = room.View.State;
        if (RoomRules.Refusal(state, new MoveSlider(memberId, sliderId, null)) is { } refusal) return refusal;
        if (state.Sliders.All(s => s.Id != sliderId)) return $"This room has no slider '{sliderId}'. Its sliders are: {string.Join(", ", state.Sliders.Select(s => s.Id))}.";
        CancellationToken token;
        lock (_gate)
        {
            StopLocked();
            _background = CancellationTokenSource.CreateLinkedTokenSource(closing);
            token = _background.Token;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(memberId, sliderId, progress: null, token);
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        return null;
    }

    /// <summary>Stops a sweep started with <see cref="Start"/>; the run in flight finishes.</summary>
    public void Stop()
    {
        lock (_gate) StopLocked();
    }

    private void StopLocked()
    {
        _background?.Cancel();
        _background?.Dispose();
        _background = null;
    }

    /// <summary>Waits until the room has no run in flight (the move's run, and a reopened room's follow-up).</summary>
    private async Task IdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = room.NextChange; // taken before looking, so a change in between is not missed
            if (!room.View.IsBusy) return;
            await next.WaitAsync(cancellationToken);
        }
    }
}
