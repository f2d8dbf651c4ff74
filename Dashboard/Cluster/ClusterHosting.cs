using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Dashboard.Cluster;

/// <summary>
/// Makes every web server a silo of the rooms' cluster (Microsoft Orleans, co-hosted in this process). Alone by
/// default: loopback clustering on free ports and room state in memory, nothing to install. With
/// <c>--Cluster:Redis HOST:PORT</c> the servers sharing that Redis share their rooms (docs/cluster.md).
/// </summary>
public static class ClusterHosting
{
    /// <summary>The grain storage the rooms keep their state in.</summary>
    public const string RoomStorage = "rooms";

    public static WebApplicationBuilder AddRoomCluster(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection("Cluster").Get<ClusterOptions>() ?? new ClusterOptions();
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<ClusterStartupCheck>(); // before the silo: a Redis that does not answer is a sentence
        builder.UseOrleans(silo =>
        {
            if (cluster.IsCluster)
            {
                silo.UseRedisClustering(cluster.Redis!.Trim());
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), PortOrFree(cluster.SiloPort), PortOrFree(cluster.GatewayPort),
                    listenOnAnyHostAddress: cluster.AdvertisedAddress != "127.0.0.1");
                silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, "dashboard"));
                // A server killed without warning is declared dead within a few seconds, so its rooms come back elsewhere soon.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                    o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                });
            }
            else
            {
                // Free ports: several servers (and the test suite's many) run side by side on one machine, each a cluster of one.
                silo.UseLocalhostClustering(PortOrFree(cluster.SiloPort), PortOrFree(cluster.GatewayPort), serviceId: "dashboard", clusterId: cluster.ClusterId);
            }
            silo.AddRoomGrains(cluster.Redis);
        });
        builder.Services.AddRoomRelay();
        return builder;
    }

    /// <summary>What a silo needs to host rooms: their state storage (Redis, or memory for a server alone) and the JSON of Core's records.</summary>
    public static ISiloBuilder AddRoomGrains(this ISiloBuilder silo, string? redis)
    {
        if (string.IsNullOrWhiteSpace(redis)) silo.AddMemoryGrainStorage(RoomStorage);
        else silo.AddRedisGrainStorage(RoomStorage, o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis.Trim()));
        silo.Services.AddRoomSerializer();
        return silo;
    }

    /// <summary>The rooms' records (Core) travel as JSON, the hub's shape: Core stays free of Orleans attributes.</summary>
    public static IServiceCollection AddRoomSerializer(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(IsCoreType, JsonOptions));

    /// <summary>The server's side of rooms hosted elsewhere: the relay that listens to them and the directory the registry asks.</summary>
    public static IServiceCollection AddRoomRelay(this IServiceCollection services)
    {
        services.AddSingleton<RoomRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<RoomRelay>());
        services.AddSingleton<RoomDirectory>();
        return services;
    }

    /// <summary>Core's records between silos and in the rooms' saved logs: the hub's JSON.</summary>
    public static readonly JsonSerializerOptions JsonOptions = Hubs.HubJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static bool IsCoreType(Type type) => type.Namespace?.StartsWith("Dashboard.Core", StringComparison.Ordinal) == true;

    private static int PortOrFree(int port)
    {
        if (port > 0) return port;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
