using Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Tests.Storage;

/// <summary>A database of its own on the test PostgreSQL server (created, migrated, dropped afterwards).</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private readonly string? _server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable);
    private readonly string _name = "dashboard_t_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString { get; private set; } = "";

    internal DashboardDatabase Database { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server)) return; // the tests skip themselves
        await ExecuteAsync($"CREATE DATABASE {_name};");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();
        Database = Create(ConnectionString);
        await Database.MigrateAsync(CancellationToken.None);
    }

    internal static DashboardDatabase Create(string connectionString) => new(
        Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString }),
        Options.Create(new DashboardOptions()));

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server)) return;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE);");
    }
}
