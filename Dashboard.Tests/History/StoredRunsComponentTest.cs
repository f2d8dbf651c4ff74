using Dashboard.Storage;
using Dashboard.Tests.Components;
using Dashboard.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.History;

/// <summary>A component test over a real SQLite run store, fresh per test, registered for the history views.</summary>
public abstract class StoredRunsComponentTest : ComponentTest, IAsyncLifetime
{
    private SqliteDatabaseFixture _db = default!;

    protected RunStore Store { get; private set; } = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _db = await SqliteDatabaseFixture.CreateAsync();
        Store = new RunStore(_db.Database);
        Context.Services.AddSingleton(Store);
        RenderPopoverProvider();
        await SeedAsync();
    }

    /// <summary>The runs every test of the class starts with (none by default).</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }
}
