namespace Dashboard.Security;

/// <summary>One upload's slot in its address's limits: refused (with the reason), or counting its bytes until disposed.</summary>
public sealed class UploadLease : IDisposable
{
    private readonly ClientLimits _limits;
    private ClientLimits.ClientRecord? _client;

    internal UploadLease(ClientLimits limits, ClientLimits.ClientRecord? client, string? refusal)
    {
        _limits = limits;
        _client = client;
        Refusal = refusal;
    }

    /// <summary>Why the upload may not start; null when it may.</summary>
    public string? Refusal { get; }

    /// <summary>Counts received bytes; returns the refusal once the address is over its hourly budget, else null.</summary>
    public string? Charge(long bytes) =>
        _client is null || _limits.ChargeUploadBytes(_client, bytes) ? null : _limits.UploadBudgetRefusal;

    public void Dispose()
    {
        if (_client is null) return;
        ClientLimits.EndUpload(_client);
        _client = null;
    }
}
