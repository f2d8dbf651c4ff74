using Dashboard.Core.Common;

namespace Dashboard.Core.Training.Ensembles;

/// <summary>
/// The forest loop the random-forest seat's classifier and regressor share: per tree, a bootstrap of the rows (entered
/// as row weights) and a random share of the columns, then a tree grown leaf by leaf (<see cref="LeafwiseTreeGrower"/>).
/// The rows are binned once for all the trees. Tree t draws its sample and columns from its own random stream, so the
/// trees can be grown on any thread in any order: when a core is spare (<see cref="SpareCore"/>: the run's other fits are
/// done) a helper grows trees beside the fit's own thread, and the forest is the same bits as grown alone.
/// </summary>
internal static class LeafwiseForest
{
    /// <param name="targets">Per row, the target: 1 or 0 for a classifier.</param>
    /// <param name="rowWeights">Per row, its weight before the bootstrap (class weights); null for 1.</param>
    /// <param name="purpose">Names the random streams: tree t draws from its own, so its sample never depends on another tree's.</param>
    /// <param name="spareCore">Where to find a helper core between trees; null to grow every tree on this thread.</param>
    public static DecisionTree[] Grow(FeatureMatrix features, IReadOnlyList<double> targets, IReadOnlyList<double>? rowWeights,
        ForestOptions options, int seed, string purpose, CancellationToken cancellationToken, SpareCore? spareCore = null)
    {
        var (rowCount, columns) = (features.Rows, features.Columns);
        var perTree = Math.Clamp((int)Math.Round(options.FeatureFraction * columns), 1, columns);
        var bins = SparseRowBins.Create(BinnedFeatures.Create(features));
        var trees = new DecisionTree[options.Trees];
        var claimed = -1; // the last tree index taken by a thread
        // Only this thread starts helpers (a helper starting another could be missed by the wait below).
        var helpers = new List<Task>();

        // Takes the next tree until none is left or `stop` says the core is wanted back (checked between trees).
        void GrowTrees(LeafwiseTreeGrower grower, CancellationToken stop, bool asksForHelp)
        {
            while (!stop.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var t = Interlocked.Increment(ref claimed);
                if (t >= trees.Length) return;
                var random = SeededRandom.For(seed, $"{purpose}.{t}");
                var (rows, copies) = BalancedSample.DistinctBootstrap(rowCount, random, options.MaxDrawsPerTree);
                var weights = new double[rows.Length];
                for (var i = 0; i < rows.Length; i++) weights[i] = copies[i] * (rowWeights?[rows[i]] ?? 1.0);
                var chosen = random.SampleWithoutReplacement(columns, perTree);
                Array.Sort(chosen);
                trees[t] = grower.Grow(targets, rows, weights, chosen, options.Leaves, options.MinRowsPerLeaf);
                if (asksForHelp && Volatile.Read(ref claimed) < trees.Length - 1) AskForHelp();
            }
        }

        void AskForHelp()
        {
            // As many helpers as there are spare cores; each brings its own grower (its histograms are its scratch space).
            if (spareCore?.Invoke(stop => GrowTrees(new LeafwiseTreeGrower(bins), stop, asksForHelp: false)) is { } helper) helpers.Add(helper);
        }

        try
        {
            AskForHelp();
            GrowTrees(new LeafwiseTreeGrower(bins), CancellationToken.None, asksForHelp: true);
        }
        catch
        {
            // Cancelled or failed: the helpers stop at their next tree; wait, so no lent core outlives the fit.
            foreach (var helper in helpers) helper.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            throw;
        }
        // A helper ends with the tree it is growing; its failure is the fit's.
        Task.WhenAll(helpers).GetAwaiter().GetResult();
        return trees;
    }
}
