using System.Net;
using System.Net.Sockets;

namespace Dashboard.Tests.Cluster;

/// <summary>
/// A loopback TCP forwarder standing in for a load balancer in front of a cluster: the browser knows one address;
/// the test decides which server new connections reach (after a server dies, the next one). Bytes are copied
/// both ways unchanged, so HTTP, WebSockets and Blazor's circuit go through as they are.
/// </summary>
internal sealed class SwitchableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile int _targetPort;

    public SwitchableProxy(string targetBaseUrl)
    {
        RouteTo(targetBaseUrl);
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public string BaseUrl { get; }

    /// <summary>New connections go to this server from now on (open ones stay where they are, or die with their server).</summary>
    public void RouteTo(string targetBaseUrl) => _targetPort = new Uri(targetBaseUrl).Port;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ForwardAsync(client, _targetPort);
        }
    }

    private async Task ForwardAsync(TcpClient client, int port)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
                var (down, up) = (client.GetStream(), server.GetStream());
                // Either side closing ends both directions, as a dead server's connections end at a load balancer.
                await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
