using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dashboard.Security;

/// <summary>
/// What one client address may do: wrong room codes (with a growing wait), new rooms per minute,
/// uploads at once and upload bytes per hour. Counted per address, not per connection, so a
/// reconnect starts nothing afresh. Every refusal is a sentence for the user.
/// </summary>
public sealed class ClientLimits(IOptions<SecurityOptions> options, TimeProvider time)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, ClientRecord> _clients = new();

    private SecurityOptions Settings => options.Value;

    /// <summary>Null when the address may try a room code now; else why not and for how long.</summary>
    public string? RoomCodeRefusal(string address)
    {
        var client = Record(address);
        lock (client)
        {
            var wait = client.LockedUntil - time.GetUtcNow();
            return wait > TimeSpan.Zero
                ? $"Too many wrong room codes from your network. Try again in {Describe(wait)}, and check the code with whoever shared it."
                : null;
        }
    }

    /// <summary>Counts a wrong room code; past the limit the address must wait, longer each time.</summary>
    public void WrongRoomCode(string address)
    {
        var client = Record(address);
        var now = time.GetUtcNow();
        lock (client)
        {
            Forget(client.WrongCodes, now - TimeSpan.FromMinutes(Settings.WrongRoomCodeWindowMinutes));
            client.WrongCodes.Enqueue(now);
            if (client.WrongCodes.Count < Settings.WrongRoomCodesPerAddress) return;
            var backoff = TimeSpan.FromSeconds(Settings.WrongRoomCodeBackoffSeconds * Math.Pow(2, Math.Min(client.LockOuts, 20)));
            client.LockedUntil = now + (backoff < MaxBackoff ? backoff : MaxBackoff);
            client.LockOuts++;
            client.WrongCodes.Clear();
        }
    }

    /// <summary>Null when the address may open another room now (and counts it); else the refusal.</summary>
    public string? TryOpenRoom(string address)
    {
        var client = Record(address);
        var now = time.GetUtcNow();
        lock (client)
        {
            Forget(client.RoomsOpened, now - TimeSpan.FromMinutes(1));
            if (client.RoomsOpened.Count >= Settings.RoomsPerAddressPerMinute)
            {
                return $"Your network opened {Settings.RoomsPerAddressPerMinute} rooms in the last minute, the limit. " +
                       "Wait a minute, or join an open room by its code.";
            }
            client.RoomsOpened.Enqueue(now);
            return null;
        }
    }

    /// <summary>An upload slot for the address, or the refusal; dispose the lease when the upload ends.</summary>
    public UploadLease StartUpload(string address)
    {
        var client = Record(address);
        lock (client)
        {
            if (client.UploadsRunning >= Settings.ConcurrentUploadsPerAddress)
            {
                return new UploadLease(this, null, $"{Settings.ConcurrentUploadsPerAddress} uploads from your network are still running. Wait for them to finish, then try again.");
            }
            client.UploadsRunning++;
            return new UploadLease(this, client, null);
        }
    }

    /// <summary>Counts bytes an upload received; false once the address is over its hourly budget.</summary>
    internal bool ChargeUploadBytes(ClientRecord client, long bytes)
    {
        var now = time.GetUtcNow();
        lock (client)
        {
            while (client.UploadBytes.TryPeek(out var oldest) && oldest.At < now - Hour) client.UploadBytes.Dequeue();
            client.UploadBytes.Enqueue((now, bytes));
            return client.UploadBytes.Sum(b => b.Bytes) <= Settings.UploadMegabytesPerAddressPerHour * 1024 * 1024;
        }
    }

    internal string UploadBudgetRefusal =>
        $"Your network uploaded more than {Settings.UploadMegabytesPerAddressPerHour:0.#} MB in the last hour, the limit. Try again later.";

    internal static void EndUpload(ClientRecord client)
    {
        lock (client) client.UploadsRunning--;
    }

    private ClientRecord Record(string address)
    {
        if (_clients.Count > PruneAbove) Prune();
        return _clients.GetOrAdd(address, _ => new ClientRecord());
    }

    /// <summary>Drops addresses with nothing left to remember, so a scan of many addresses cannot grow memory for good.</summary>
    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (address, client) in _clients)
        {
            lock (client)
            {
                if (client.UploadsRunning == 0 && client.LockedUntil < now && client.LastSeen(now) < now - Hour) _clients.TryRemove(address, out _);
            }
        }
    }

    private static void Forget(Queue<DateTimeOffset> times, DateTimeOffset before)
    {
        while (times.TryPeek(out var oldest) && oldest < before) times.Dequeue();
    }

    private static string Describe(TimeSpan wait) =>
        wait.TotalSeconds < 90 ? $"{Math.Ceiling(wait.TotalSeconds):0} seconds" : $"{Math.Ceiling(wait.TotalMinutes):0} minutes";

    /// <summary>What is remembered of one address.</summary>
    internal sealed class ClientRecord
    {
        public Queue<DateTimeOffset> WrongCodes { get; } = new();

        public Queue<DateTimeOffset> RoomsOpened { get; } = new();

        public Queue<(DateTimeOffset At, long Bytes)> UploadBytes { get; } = new();

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

        public int LockOuts { get; set; }

        public int UploadsRunning { get; set; }

        public DateTimeOffset LastSeen(DateTimeOffset now) =>
            new[] { WrongCodes.LastOrDefault(), RoomsOpened.LastOrDefault(), UploadBytes.LastOrDefault().At, LockedUntil }.Max();
    }
}
