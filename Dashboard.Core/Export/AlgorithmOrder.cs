using Dashboard.Core.Training;

namespace Dashboard.Core.Export;

/// <summary>Where an algorithm stands among the dashboard's cards: its place in the catalog.</summary>
public static class AlgorithmOrder
{
    /// <summary>The algorithm's index in <see cref="AlgorithmCatalog.All"/>, or -1 for an id the catalog does not know.</summary>
    public static int IndexOf(string algorithmId)
    {
        for (var i = 0; i < AlgorithmCatalog.All.Count; i++)
        {
            if (AlgorithmCatalog.All[i].Id == algorithmId) return i;
        }
        return -1;
    }
}
