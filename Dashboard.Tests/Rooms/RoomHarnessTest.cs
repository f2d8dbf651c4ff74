namespace Dashboard.Tests.Rooms;

/// <summary>A test class with a fresh <see cref="RoomHarness"/> per test, disposed after it.</summary>
public abstract class RoomHarnessTest : IAsyncLifetime
{
    private protected RoomHarness Harness { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
