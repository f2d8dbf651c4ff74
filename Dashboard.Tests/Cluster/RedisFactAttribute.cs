namespace Dashboard.Tests.Cluster;

/// <summary>A test that needs a real Redis (the cluster's membership and room state): skipped, saying how to get one, when DASHBOARD_TEST_REDIS is not set.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "DASHBOARD_TEST_REDIS";

    public RedisFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Address)) Skip = $"Cluster tests need a Redis: set {Variable} to HOST:PORT, e.g. eval \"$(tools/redis-for-tests.sh start)\".";
    }

    public static string? Address => Environment.GetEnvironmentVariable(Variable);
}
