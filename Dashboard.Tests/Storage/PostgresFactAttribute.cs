namespace Dashboard.Tests.Storage;

/// <summary>A test that needs a real PostgreSQL server: skipped, saying how to get one, when DASHBOARD_TEST_POSTGRES is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "DASHBOARD_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"PostgreSQL tests need a server: set {Variable} to an Npgsql connection string, e.g. eval \"$(tools/postgres-for-tests.sh start)\".";
        }
    }
}
