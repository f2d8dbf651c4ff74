using Dashboard.Core.Metrics;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;
using Dashboard.Core.Rooms;
using Dashboard.Storage;
using Dashboard.Tests.Export;

namespace Dashboard.Tests.Storage;

public class RoomStoreTests : IAsyncLifetime
{
    private SqliteDatabaseFixture _db = default!;
    private RoomStore _rooms = default!;

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabaseFixture.CreateAsync();
        _rooms = new RoomStore(_db.Database);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static RoomState State(int version, double? share) =>
        new("K7Q-2MX", new DatasetChoice("titanic", SplitSeed: 7), RunFixtures.Sliders(share),
            RoomDefaults.Algorithms().Select((a, i) => a with { Threshold = 0.3 + 0.1 * i }).ToArray(), Leaky: true, Version: version);

    [Fact]
    public async Task RehearseAsync_StoresNothing_NorOverwritesAStoredRoom()
    {
        await _rooms.RehearseAsync(State(3, 0.5), CancellationToken.None);
        Assert.Null(await _rooms.LoadAsync("K7Q-2MX", CancellationToken.None));

        await _rooms.SaveAsync(State(3, 0.5), CancellationToken.None);
        await _rooms.RehearseAsync(State(4, 0.9), CancellationToken.None);
        Assert.Equal(3, (await _rooms.LoadAsync("K7Q-2MX", CancellationToken.None))!.Version); // the rehearsal's newer version rolled back
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_StateRoundTrips()
    {
        var state = State(3, 0.5);

        await _rooms.SaveAsync(state, CancellationToken.None);
        var loaded = await _rooms.LoadAsync("k7q2mx", CancellationToken.None); // typed codes are normalized

        Assert.NotNull(loaded);
        Assert.Equal((state.Code, state.Dataset, state.Leaky, state.Version), (loaded.Code, loaded.Dataset, loaded.Leaky, loaded.Version));
        Assert.Equal(state.Algorithms.Select(a => a.Threshold), loaded.Algorithms.Select(a => a.Threshold));
        Assert.Equal(state.Sliders, loaded.Sliders);
        Assert.IsType<CategoryGroup>(loaded.Sliders[1].Group);
        Assert.Equal(state.Algorithms.Select(a => a.AlgorithmId), loaded.Algorithms.Select(a => a.AlgorithmId));
    }

    [Fact]
    public async Task SaveAsync_SensitiveColumn_RoundTrips_AndARoomStoredBeforeItHasNone()
    {
        await _rooms.SaveAsync(State(3, 0.5) with { SensitiveColumn = "gender" }, CancellationToken.None);
        var before = System.Text.Json.Nodes.JsonNode.Parse(StorageJson.Write(State(3, 0.5)))!.AsObject();
        before.Remove("sensitiveColumn"); // the shape stored before fairness by group existed

        Assert.Equal("gender", (await _rooms.LoadAsync("K7Q-2MX", CancellationToken.None))!.SensitiveColumn);
        Assert.Null(StoredRoomState.Read(before.ToJsonString()).SensitiveColumn);
    }

    [Fact]
    public async Task SaveAsync_ProxiesLeftOut_RoundTrips_AndARoomStoredBeforeItHasNone()
    {
        var leftOut = new ProxyExclusion("gender", ["gender", "title"], ExcludedBefore: null);
        await _rooms.SaveAsync(State(3, 0.5) with { SensitiveColumn = "gender", ProxiesLeftOut = leftOut }, CancellationToken.None);
        var before = System.Text.Json.Nodes.JsonNode.Parse(StorageJson.Write(State(3, 0.5)))!.AsObject();
        before.Remove("proxiesLeftOut"); // the shape stored before proxies could be left out

        var loaded = (await _rooms.LoadAsync("K7Q-2MX", CancellationToken.None))!.ProxiesLeftOut!;
        Assert.Equal(("gender", null), (loaded.SensitiveColumn, loaded.ExcludedBefore));
        Assert.Equal(["gender", "title"], loaded.Columns);
        Assert.Null(StoredRoomState.Read(before.ToJsonString()).ProxiesLeftOut);
    }

    [Fact]
    public async Task SaveAsync_OlderVersionAfterNewer_NewerKept()
    {
        await _rooms.SaveAsync(State(5, 0.6), CancellationToken.None);
        await _rooms.SaveAsync(State(4, 0.3), CancellationToken.None);

        var loaded = await _rooms.LoadAsync("K7Q-2MX", CancellationToken.None);

        Assert.Equal((5, 0.6), (loaded!.Version, loaded.Sliders[0].TargetShare));
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM Rooms;"));
    }

    [Fact]
    public async Task LoadAsync_UnknownOrInvalidCode_Null()
    {
        Assert.Null(await _rooms.LoadAsync("ABC-DEF", CancellationToken.None));
        Assert.Null(await _rooms.LoadAsync("../../etc", CancellationToken.None));
    }

    [Fact]
    public void Read_StateStoredWithOneRoomThreshold_EverySeatTakesIt()
    {
        var current = StorageJson.Write(State(2, 0.4));
        var node = System.Text.Json.Nodes.JsonNode.Parse(current)!.AsObject();
        foreach (var seat in node["algorithms"]!.AsArray()) seat!.AsObject().Remove("threshold");
        node["threshold"] = 0.35; // the shape rooms were stored in before thresholds were per algorithm

        var loaded = StoredRoomState.Read(node.ToJsonString());

        Assert.All(loaded.Algorithms, a => Assert.Equal(0.35, a.Threshold));
        Assert.Equal(4, loaded.Algorithms.Count);
        Assert.Equal(0.4, loaded.Sliders[0].TargetShare);
    }

    [Fact]
    public async Task SaveAsync_AddedCardAndCosts_ComeBack_AStateStoredBeforeCostsLoadsWithOneAndOne()
    {
        var state = State(3, null) with
        {
            Algorithms = [.. RoomDefaults.Algorithms(), new AlgorithmSeat("balanced-bagging", HyperparameterValues.Defaults, ClassWeighting.None)],
            Costs = new CostMatrix(5, 2),
        };

        await _rooms.SaveAsync(state, CancellationToken.None);
        var loaded = (await _rooms.LoadAsync("K7Q-2MX", CancellationToken.None))!;

        Assert.Equal("balanced-bagging", loaded.Algorithms[^1].AlgorithmId);
        Assert.Equal(new CostMatrix(5, 2), loaded.Costs);
        var node = System.Text.Json.Nodes.JsonNode.Parse(StorageJson.Write(state))!.AsObject();
        Assert.True(node.Remove("costs"));
        Assert.Same(CostMatrix.Equal, StoredRoomState.Read(node.ToJsonString()).Costs);
    }
}
