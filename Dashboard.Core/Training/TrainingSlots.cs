namespace Dashboard.Core.Training;

/// <summary>
/// A server-wide limit on concurrent fits with fair scheduling: waiting fits are served round-robin
/// by owner (a room), so one busy room that queues many fits cannot starve the others. Background owners
/// (<see cref="Background"/>: training ahead while a room is idle) are served only when no other fit waits,
/// so twenty idle rooms speculating never stand in front of one student's real move.
/// </summary>
public sealed class TrainingSlots
{
    private const string BackgroundPrefix = "background: ";

    private readonly Lock _gate = new();
    private readonly LinkedList<string> _turns = new();
    private readonly LinkedList<string> _backgroundTurns = new();
    private readonly Dictionary<string, Queue<TaskCompletionSource<IDisposable>>> _waiting = [];
    private int _free;

    public TrainingSlots(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Capacity = _free = slots;
    }

    public int Capacity { get; }

    /// <summary>The owner name for work that yields to every other fit (speculation).</summary>
    public static string Background(string owner) => BackgroundPrefix + owner;

    private static bool IsBackground(string owner) => owner.StartsWith(BackgroundPrefix, StringComparison.Ordinal);

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public Task<IDisposable> AcquireAsync(string owner, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var turns = IsBackground(owner) ? _backgroundTurns : _turns;
            // A free slot goes at once unless someone of at least this priority waits for it.
            if (_free > 0 && _turns.Count == 0 && (turns == _turns || _backgroundTurns.Count == 0))
            {
                _free--;
                return Task.FromResult<IDisposable>(new Slot(this));
            }
            var waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_waiting.TryGetValue(owner, out var queue))
            {
                _waiting[owner] = queue = new Queue<TaskCompletionSource<IDisposable>>();
                turns.AddLast(owner);
            }
            queue.Enqueue(waiter);
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            return waiter.Task;
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            // Hand the slot to the next owner in turn, background owners only when no other waits; a cancelled waiter is skipped.
            while ((_turns.First ?? _backgroundTurns.First) is { } turn)
            {
                var turns = turn.List!;
                var owner = turn.Value;
                var queue = _waiting[owner];
                var waiter = queue.Dequeue();
                turns.RemoveFirst();
                if (queue.Count > 0) turns.AddLast(owner);
                else _waiting.Remove(owner);
                if (waiter.TrySetResult(new Slot(this))) return;
            }
            _free++;
        }
    }

    private sealed class Slot(TrainingSlots slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
