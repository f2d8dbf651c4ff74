using StackExchange.Redis;

namespace Dashboard.Cluster;

/// <summary>The cluster's Redis cannot be reached at start: one sentence, shown by Program as it is (no stack trace).</summary>
public sealed class ClusterUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Before the silo starts (registered ahead of it), a server given <c>Cluster:Redis</c> checks that Redis answers,
/// so a wrong address or a stopped Redis stops the start with a sentence instead of the silo's crash.
/// </summary>
public sealed class ClusterStartupCheck(ClusterOptions cluster) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!cluster.IsCluster) return;
        var redis = cluster.Redis!.Trim();
        try
        {
            var options = ConfigurationOptions.Parse(redis);
            options.ConnectTimeout = 5000;
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
        }
        catch (Exception exception) when (exception is RedisException or ArgumentException or TimeoutException)
        {
            throw new ClusterUnavailableException($"The server cannot join the cluster: Redis at '{redis}' does not answer ({exception.Message.Split('.')[0]}). " +
                                                  "Start Redis there, correct Cluster:Redis, or leave Cluster:Redis empty to run this server alone.", exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
