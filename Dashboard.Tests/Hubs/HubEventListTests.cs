using System.Reflection;
using System.Text.Json.Serialization;
using Dashboard.Core.Rooms;
using Dashboard.Hubs;

namespace Dashboard.Tests.Hubs;

/// <summary>The events are listed in three places (the JSON type list, the client interface, docs/hub.md): they must agree.</summary>
public class HubEventListTests
{
    private static readonly string[] EventTypes = typeof(RoomEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(RoomEvent)) && !t.IsAbstract).Select(t => t.Name).Order().ToArray();

    [Fact]
    public void EveryRoomEvent_HasAClientMethodAJsonTypeAndARowInTheHubDocs()
    {
        var clientMethods = typeof(ITrainingClient).GetMethods().Select(m => m.Name).Order().ToArray();
        var jsonTypes = typeof(RoomEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType.Name).Order().ToArray();
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "hub.md"));

        Assert.Equal(EventTypes, clientMethods);
        Assert.Equal(EventTypes, jsonTypes);
        Assert.All(EventTypes, name => Assert.Contains($"| `{name}` |", docs));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dashboard.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found above the test folder.");
    }
}
