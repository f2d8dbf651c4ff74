using Dashboard.Cluster;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Dashboard.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Dashboard.Tests.Cluster;

/// <summary>
/// Rooms as grains on an in-process cluster of two silos (Orleans' TestingHost), each with the rooms' services of
/// a real server: a room hosted on one silo is used from the other, and outlives its silo's shutdown.
/// </summary>
// In the browser tests' collection: its servers train for real, and running beside those tests starved them on two cores.
[Collection(Dashboard.Tests.EndToEnd.BrowserCollection.Name)]
public sealed class RoomGrainTests : IAsyncLifetime
{
    private TestCluster _cluster = default!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<RoomSilo>();
        builder.AddClientBuilderConfigurator<RoomClient>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    private static T On<T>(SiloHandle silo) where T : notnull => ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<T>();

    [Fact]
    public async Task RoomHostedOnOneSilo_UsedFromTheOther_EventsAndViewsArrive_TheReducersRulesHoldInsideTheGrain()
    {
        var (home, away) = (_cluster.Primary!, _cluster.SecondarySilos[0]);
        var hosted = await On<RoomRegistry>(home).CreateAsync();
        Assert.IsType<RoomRunner>(hosted);
        var heard = new List<RoomEvent>();
        using var listening = On<RoomNotifier>(away).Subscribe(hosted.Code, e =>
        {
            lock (heard) heard.Add(e);
            return Task.CompletedTask;
        });

        var remote = await On<RoomRegistry>(away).FindOrReopenAsync(hosted.Code);

        var room = Assert.IsType<RemoteRoom>(remote);
        Assert.Null(await room.ExecuteAsync(new EnterRoom("ana", "Ana", AsHost: true)));
        Assert.Null(await room.ExecuteAsync(new EnterRoom("ben", "Ben")));
        Assert.Null(await room.ExecuteAsync(new SetHostOnlyControls("ana", true)));
        // Classroom mode: the grain answers Ben with the very sentence of the one permission function.
        var move = new MoveSlider("ben", RoomDefaults.ClassSliderId, 0.5);
        Assert.Equal(RoomRules.Refusal(hosted.View.State, move), await room.ExecuteAsync(move));
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.5)));
        var started = await Until(() => Heard<RunStarted>(heard).FirstOrDefault(e => e.Reason == "moved class balance to 0.5"));
        var completed = await Until(() => Heard<RunCompleted>(heard).FirstOrDefault(e => e.RunId == started.RunId));

        // The other silo heard the run start (by Ana) and each algorithm finish, and its view matches the host's.
        Assert.Equal("Ana", started.Context!.StartedBy);
        Assert.Equal(4, Heard<AlgorithmCompleted>(heard).Count(e => e.RunId == completed.RunId));
        await Until(() => room.View.Latest.Count == 4 && room.View.Latest.Values.All(r => r.Metrics is not null) ? room : null);
        Assert.Equal(hosted.View.State.Version, room.View.State.Version);
        Assert.Equal(0.5, room.View.State.Slider(RoomDefaults.ClassSliderId).Balance);
        Assert.Equal(hosted.View.Latest.ToDictionary(r => r.Key, r => r.Value.Metrics!.F1), room.View.Latest.ToDictionary(r => r.Key, r => r.Value.Metrics!.F1));
        Assert.NotNull(room.View.Workspace); // the other silo attached its own copy of the data set
    }

    [RedisFact]
    public async Task RoomsState_OutlivesItsSilosShutdown_ComesBackOnTheOtherWithCodeMembersAndSeats()
    {
        var (survivor, doomed) = (_cluster.Primary!, _cluster.SecondarySilos[0]);
        var room = await On<RoomRegistry>(doomed).CreateAsync();
        Assert.Null(await room.ExecuteAsync(new EnterRoom("ana", "Ana", AsHost: true)));
        Assert.Null(await room.ExecuteAsync(new ClaimSeat("ana", "svm")));
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, -0.5)));
        await Until(() => !room.View.IsBusy && room.View.History.Count >= 4 ? room : null); // the move's run (the baseline's, if it finished first)
        var before = room.View;

        await _cluster.StopSiloAsync(doomed);
        var back = await On<RoomRegistry>(survivor).FindOrReopenAsync(room.Code);

        Assert.IsType<RoomRunner>(back); // hosted on the survivor now
        var state = (await Until(() => back!.View.State.Sliders.Count > 0 ? back : null)).View.State;
        Assert.Equal(room.Code, state.Code);
        Assert.Equal(-0.5, state.Slider(RoomDefaults.ClassSliderId).Balance);
        Assert.Equal("ana", state.Seat("svm").HolderId);
        Assert.True(state.Member("ana") is { IsHost: true, IsPresent: false });
        Assert.True(state.Version > before.State.Version);
        // Its runs table and feed came along: the same points, numbered as before; new runs number on from there.
        Assert.Equal(before.History.Select(p => (p.RunId, p.AlgorithmId, p.RunNumber, p.Metrics!.F1)),
            back!.View.History.Take(before.History.Count).Select(p => (p.RunId, p.AlgorithmId, p.RunNumber, p.Metrics!.F1)));
        Assert.Contains(back.View.Activity, a => a.What.StartsWith("moved to another server"));
        var next = await Until(() => back.View.History.Count > before.History.Count && !back.View.IsBusy ? back.View.History[^1] : null);
        Assert.True(next.RunNumber > before.History.Max(p => p.RunNumber));
    }

    [RedisFact]
    public async Task ChangeMadeOnTheHostsOwnPage_SavedWithinASecond_SurvivesTheSiloBeingKilled()
    {
        var (survivor, doomed) = (_cluster.Primary!, _cluster.SecondarySilos[0]);
        var room = Assert.IsType<RoomRunner>(await On<RoomRegistry>(doomed).CreateAsync());
        // Straight to the runner, as the hosting server's own pages do (not through the grain).
        Assert.Null(await room.ExecuteAsync(new EnterRoom("ana", "Ana", AsHost: true)));
        Assert.Null(await room.ExecuteAsync(new MoveSlider("ana", RoomDefaults.ClassSliderId, 0.25)));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await _cluster.KillSiloAsync(doomed);
        var back = await Until(() => On<RoomRegistry>(survivor).FindOrReopenAsync(room.Code).Result is { } found && found.View.State.Sliders.Count > 0 ? found : null);

        Assert.Equal(0.25, back.View.State.Slider(RoomDefaults.ClassSliderId).Balance);
        Assert.True(back.View.State.Member("ana") is { IsHost: true });
    }

    private static IEnumerable<T> Heard<T>(List<RoomEvent> heard)
    {
        lock (heard) return heard.OfType<T>().ToArray();
    }

    private static async Task<T> Until<T>(Func<T?> found, int seconds = 120) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (found() is { } value) return value;
            await Task.Delay(20);
        }
        throw new TimeoutException($"Not within {seconds} s.");
    }

    /// <summary>The test cluster's own client knows the rooms' records too (it checks every grain interface at start).</summary>
    private sealed class RoomClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) => client.Services.AddRoomSerializer();
    }

    /// <summary>A silo with the rooms' services of a real server (no web): registry, notifier, data sets, relay.</summary>
    private sealed class RoomSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddRoomGrains(RedisFactAttribute.Address);
            var services = silo.Services;
            var folder = Directory.CreateTempSubdirectory("dashboard-silo-").FullName;
            services.AddSingleton(Options.Create(new DashboardOptions { DataFolder = folder, SpeculationIdleSeconds = 0 }));
            services.AddSingleton(Options.Create(DataLimits.Default));
            services.AddSingleton<UploadStore>();
            services.AddSingleton<ServerDatasets>();
            services.AddSingleton<WorkspaceCache>();
            services.AddSingleton<RoomNotifier>();
            services.AddSingleton<RoomRegistry>();
            services.AddRoomRelay();
        }
    }
}
