using System.Diagnostics;

namespace Dashboard.Core.Training;

/// <summary>
/// A server-wide limit on concurrent fits with fair scheduling: waiting fits are served round-robin
/// by owner (a room), so one busy room that queues many fits cannot starve the others. Background owners
/// (<see cref="Background"/>: training ahead while a room is idle) are served only when no other fit waits,
/// so twenty idle rooms speculating never stand in front of one student's real move. A background fit already holding a
/// slot when a real fit comes to wait for one is asked to give it back (<see cref="IReclaimable.Reclaimed"/>): the real
/// fit then waits at most one training step of it, not its whole fit.
/// </summary>
public sealed class TrainingSlots
{
    private const string BackgroundPrefix = "background: ";

    private readonly Lock _gate = new();
    private readonly LinkedList<string> _turns = new();
    private readonly LinkedList<string> _backgroundTurns = new();
    private readonly Dictionary<string, Queue<TaskCompletionSource<IDisposable>>> _waiting = [];
    private readonly List<BackgroundSlot> _background = []; // background slots in use, oldest first
    private int _free;

    /// <summary>A slot that may be asked back: its holder stops its work when <see cref="Reclaimed"/> is cancelled and disposes it.</summary>
    public interface IReclaimable : IDisposable
    {
        /// <summary>Cancelled when a real fit waits for this background slot; never for a real fit's own slot.</summary>
        CancellationToken Reclaimed { get; }
    }

    /// <summary>How long a real fit waited for its slot, and whether its wait asked a background slot back.</summary>
    public readonly record struct SlotWait(TimeSpan Waited, bool AskedBack);

    /// <summary>
    /// Raised when a real (not background) fit gets its slot, at once or after waiting: what `bench hub` reads to tell how
    /// much of a real move's time went to waiting for a slot, with speculation on and off.
    /// </summary>
    public event Action<SlotWait>? RealFitServed;

    /// <summary>Raised when a background slot asked back is given back: how long its holder took to stop (its last step).</summary>
    public event Action<TimeSpan>? BackgroundGaveBack;

    /// <summary>Raised when <see cref="TryLendSpare"/> lends a slot (outside the lock).</summary>
    public event Action? SpareLent;

    public TrainingSlots(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Capacity = _free = slots;
    }

    public int Capacity { get; }

    /// <summary>The owner name for work that yields to every other fit (speculation).</summary>
    public static string Background(string owner) => BackgroundPrefix + owner;

    /// <summary>
    /// Stops work done under <paramref name="slot"/> when the caller cancels it or, for a background slot, when a real
    /// fit asks for the slot back: whatever holds a background slot (a fit, a resampling) gives it up within one step.
    /// </summary>
    public static CancellationTokenSource StopWhenReclaimed(IDisposable? slot, CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, (slot as IReclaimable)?.Reclaimed ?? CancellationToken.None);

    /// <summary>Whether the owner is background work (made by <see cref="Background"/>).</summary>
    public static bool IsBackground(string owner) => owner.StartsWith(BackgroundPrefix, StringComparison.Ordinal);

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public Task<IDisposable> AcquireAsync(string owner, CancellationToken cancellationToken = default)
    {
        BackgroundSlot? reclaim = null;
        Task<IDisposable> waiting;
        var atOnce = false;
        lock (_gate)
        {
            var turns = IsBackground(owner) ? _backgroundTurns : _turns;
            // A free slot goes at once unless someone of at least this priority waits for it.
            if (_free > 0 && _turns.Count == 0 && (turns == _turns || _backgroundTurns.Count == 0))
            {
                _free--;
                waiting = Task.FromResult(NewSlotLocked(owner));
                atOnce = true;
            }
            else
            {
                waiting = EnqueueLocked(owner, turns, cancellationToken);
                // A real fit waits while background work holds slots: one of them is asked back (one per waiting real fit).
                if (!IsBackground(owner)) reclaim = _background.FirstOrDefault(slot => !slot.IsReclaimed);
                reclaim?.MarkReclaimed();
            }
        }
        // Outside the lock: the holder's cancellation callbacks and the listeners run here.
        reclaim?.CancelWork();
        if (IsBackground(owner) || RealFitServed is not { } served) return waiting;
        if (atOnce)
        {
            served(new SlotWait(TimeSpan.Zero, AskedBack: false));
            return waiting;
        }
        var since = Stopwatch.GetTimestamp();
        var askedBack = reclaim is not null;
        waiting.ContinueWith(_ => served(new SlotWait(Stopwatch.GetElapsedTime(since), askedBack)), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return waiting;
    }

    /// <summary>
    /// A free slot, lent at once to a fit that can spread its work (the forest's trees), or null when every slot is taken
    /// (a free slot never has a waiter: <see cref="Release"/> hands it straight on). The lent slot is asked back
    /// (<see cref="IReclaimable.Reclaimed"/>) as soon as a real fit comes to wait, as a background slot is, so lending never
    /// makes a fit wait longer than one step.
    /// </summary>
    public IReclaimable? TryLendSpare()
    {
        BackgroundSlot slot;
        lock (_gate)
        {
            if (_free == 0) return null;
            _free--;
            slot = new BackgroundSlot(this);
            _background.Add(slot);
        }
        SpareLent?.Invoke();
        return slot;
    }

    private Task<IDisposable> EnqueueLocked(string owner, LinkedList<string> turns, CancellationToken cancellationToken)
    {
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

    private IDisposable NewSlotLocked(string owner)
    {
        if (!IsBackground(owner)) return new Slot(this);
        var slot = new BackgroundSlot(this);
        _background.Add(slot);
        return slot;
    }

    private void Release(BackgroundSlot? background = null)
    {
        lock (_gate)
        {
            if (background is not null) _background.Remove(background);
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
                var slot = NewSlotLocked(owner);
                if (waiter.TrySetResult(slot)) return;
                if (slot is BackgroundSlot unused) _background.Remove(unused); // its waiter was cancelled: not in use
            }
            _free++;
        }
    }

    private sealed class Slot(TrainingSlots slots) : IReclaimable
    {
        private int _released;

        public CancellationToken Reclaimed => CancellationToken.None;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }

    private sealed class BackgroundSlot(TrainingSlots slots) : IReclaimable
    {
        private readonly CancellationTokenSource _reclaimed = new();
        private int _released;

        public CancellationToken Reclaimed => _reclaimed.Token;

        /// <summary>Set under the slots' lock, so two real fits never ask the same slot back.</summary>
        public bool IsReclaimed { get; private set; }

        private long _askedBackAt;

        public void MarkReclaimed() => IsReclaimed = true;

        public void CancelWork()
        {
            _askedBackAt = Stopwatch.GetTimestamp();
            try
            {
                _reclaimed.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Given back meanwhile: nothing to stop.
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            slots.Release(this);
            _reclaimed.Dispose();
            if (_askedBackAt != 0) slots.BackgroundGaveBack?.Invoke(Stopwatch.GetElapsedTime(_askedBackAt));
        }
    }
}
