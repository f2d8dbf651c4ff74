namespace Dashboard.Core.Training;

/// <summary>The values chosen for an algorithm's hyperparameters; anything not set takes its default.</summary>
public sealed record HyperparameterValues(IReadOnlyDictionary<string, double> Values)
{
    public static HyperparameterValues Defaults { get; } = new(new Dictionary<string, double>());

    public double Get(HyperparameterSpec spec) => Values.TryGetValue(spec.Name, out var value) ? value : spec.Default;

    public int GetInt(HyperparameterSpec spec) => (int)Math.Round(Get(spec));

    public HyperparameterValues With(string name, double value) =>
        new(new Dictionary<string, double>(Values) { [name] = value });
}
