using Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hubs;

/// <summary>A started SignalR client of the training hub, with the hub's JSON shape.</summary>
internal static class HubClients
{
    public static async Task<HubConnection> ConnectAsync(string baseUrl)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(baseUrl + TrainingHub.Path)
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await hub.StartAsync();
        return hub;
    }
}
