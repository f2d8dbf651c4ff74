namespace Dashboard.Cluster;

/// <summary>
/// How this server joins the rooms' cluster (configuration section "Cluster", docs/cluster.md). With no
/// <see cref="Redis"/> the server is a cluster of one: an in-process silo on loopback, room state in memory,
/// nothing to install. With it, every server started with the same Redis and cluster id shares the rooms.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>"HOST:PORT" of the Redis that keeps the cluster's membership and the rooms' state; empty: one server alone.</summary>
    public string? Redis { get; set; }

    /// <summary>The port silos talk to each other on; 0: any free port (a server alone).</summary>
    public int SiloPort { get; set; }

    /// <summary>The port external Orleans clients would use; 0: any free port.</summary>
    public int GatewayPort { get; set; }

    /// <summary>Servers with the same id form one cluster (several classes' departments can share a Redis).</summary>
    public string ClusterId { get; set; } = "dashboard";

    /// <summary>The address other silos reach this one at (default loopback: servers on one machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public bool IsCluster => !string.IsNullOrWhiteSpace(Redis);
}
