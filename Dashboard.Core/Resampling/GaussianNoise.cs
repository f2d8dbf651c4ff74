namespace Dashboard.Core.Resampling;

/// <summary>
/// Gaussian-noise rows for a numeric target, after R's UBL (GaussNoiseRegress, and SMOGN's far-neighbour
/// case): a copy of a group row x whose numeric features each get N(0, (p·sd)²) noise (sd = the feature's
/// training standard deviation), whose target gets N(0, (p·sd)²) noise with sd = the pool's target deviation,
/// kept inside the pool's target range (so a rare row stays rare), and whose categorical features keep x's
/// value, except that with probability p each takes the value of a pool row drawn at random.
/// </summary>
internal static class GaussianNoise
{
    /// <summary>UBL's default perturbation for GaussNoiseRegress.</summary>
    public const double NoisePerturbation = 0.1;

    /// <summary>UBL's default perturbation for SMOGN's noise rows.</summary>
    public const double SmognPerturbation = 0.02;

    /// <summary>Gaussian noise as an oversampling method: every new row is a perturbed copy of a uniformly drawn pool row.</summary>
    public static void Generate(ChangeContext context, BoundGroup group, int label, List<int> pool, int count)
    {
        var bases = BaseSelection.Uniform(context, label, pool.Count, count);
        var positions = Array.ConvertAll(bases, b => pool[b]);
        // Each row votes alone, so its categories start as its own; steps of 0 make the features start as the base's.
        var voters = new NeighbourTable(count, 1);
        positions.CopyTo(voters.Indices, 0);
        context.UsedMethod("Gaussian noise");
        SyntheticRowBuilder.Add(context, group, label, positions, positions, new double[count], voters, Enumerable.Range(0, count).ToArray(),
            afterTargets: first => Perturb(context, pool, first, Enumerable.Range(0, count), NoisePerturbation, label));
    }

    /// <summary>Perturbs the new rows first + i for each i in <paramref name="rows"/>, which hold copies of their base rows.</summary>
    public static void Perturb(ChangeContext context, List<int> pool, int first, IEnumerable<int> rows, double perturbation, int label)
    {
        var work = context.Work;
        var space = work.Space;
        var store = work.Synthetic;
        var random = context.Random($"over/noise/{label}");
        var poolTargets = pool.Select(p => work.TargetOf(work.EntryAt(p))).ToArray();
        var (low, high) = (poolTargets.Min(), poolTargets.Max());
        var targetDeviation = Deviation(poolTargets);
        foreach (var i in rows)
        {
            var id = first + i;
            for (var f = 0; f < space.Numeric.Length; f++)
            {
                ref var value = ref store.NumericValues(f)[id];
                if (!double.IsNaN(value)) value += perturbation * space.Scale[f] * Normal(random);
            }
            for (var c = 0; c < space.Categorical.Length; c++)
            {
                var own = work.CodeOf(c, store.BaseEntry(id));
                store.Codes(c)[id] = random.NextDouble() < perturbation ? work.CodeOf(c, work.EntryAt(pool[random.NextInt(pool.Count)])) : own;
            }
            store.Targets[id] = Math.Clamp(store.Target(id) + perturbation * targetDeviation * Normal(random), low, high);
        }
    }

    /// <summary>A standard normal draw (Box-Muller), from the seeded stream only.</summary>
    private static double Normal(Common.SeededRandom random)
    {
        var u = 1 - random.NextDouble(); // (0, 1], so the logarithm is finite
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    private static double Deviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
