namespace Dashboard.Storage;

/// <summary>The values the history page's filters offer: every data set, room and algorithm that has stored runs.</summary>
public sealed record RunFacets(IReadOnlyList<string> Datasets, IReadOnlyList<string> Rooms, IReadOnlyList<(string Id, string Name)> Algorithms);
