using System.Net;

namespace Dashboard.Security;

/// <summary>The key a client's limits are counted under: its IPv4 address, or its IPv6 /64 network (one host usually owns a whole /64).</summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string KeyOf(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string KeyOf(HttpContext? http) => KeyOf(http?.Connection.RemoteIpAddress);
}
