namespace Dashboard.Security;

/// <summary>
/// The address key of the browser behind this Blazor circuit (scoped: one per circuit), taken from
/// the circuit's own connection when it is first asked for, so limits apply to the page as to the hub.
/// </summary>
public sealed class CircuitClient(IHttpContextAccessor http)
{
    private string? _address;

    public string Address => _address ??= ClientAddress.KeyOf(http.HttpContext);
}
