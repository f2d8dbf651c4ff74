using Dashboard.Core.Training.Algorithms;

namespace Dashboard.Tests.Core.Training;

public sealed class SquaredHingeLossTests
{
    private readonly SquaredHingeLoss _loss = new();

    [Theory]
    [InlineData(1f, 2f, 0)]      // right side, beyond the margin
    [InlineData(1f, 0.5f, 0.25)] // inside the margin
    [InlineData(0f, 0.5f, 2.25)] // negative row pushed to the positive side
    [InlineData(1f, -1f, 4)]
    public void Loss_IsSquaredMarginViolation(float label, float output, double expected) =>
        Assert.Equal(expected, _loss.Loss(output, label), 6);

    [Fact]
    public void Derivative_MatchesFiniteDifference()
    {
        foreach (var (label, output) in new[] { (1f, 0.3f), (0f, 0.3f), (1f, -2f), (0f, -0.4f) })
        {
            const float h = 1e-3f;
            var numeric = (_loss.Loss(output + h, label) - _loss.Loss(output - h, label)) / (2 * h);
            Assert.Equal(numeric, _loss.Derivative(output, label), 2);
        }
    }

    [Theory]
    [InlineData(1f, 0.2f, 0.1f, 3f)]
    [InlineData(0f, 0.7f, -0.3f, 0.5f)]
    [InlineData(1f, 3f, 0.4f, 2f)]   // far on the right side: the dual variable drops to its bound 0
    public void DualUpdate_MaximisesTheCoordinateObjective(float label, float output, float dual, float scaledNorm)
    {
        var invariant = _loss.ComputeDualUpdateInvariant(scaledNorm);
        var step = _loss.DualUpdate(output, label, dual, invariant, maxNumThreads: 1);

        // The one-coordinate dual objective in β = α·y ≥ 0 (the output moves by the step times s).
        var y = label > 0 ? 1 : -1;
        double Objective(double beta) => beta - beta * beta / 4 - (beta - dual * y) * y * output - (beta - dual * y) * (beta - dual * y) * scaledNorm / 2;
        var best = (dual + step) * y;
        Assert.True(best >= -1e-6);
        foreach (var other in new[] { 0.0, best + 0.01, Math.Max(0, best - 0.01), best + 1 })
        {
            Assert.True(Objective(best) >= Objective(other) - 1e-6, $"β={other} beats β'={best}");
        }
    }

    [Fact]
    public void DualLoss_IsTheConjugateTerm_AndInfeasibleBelowZero()
    {
        Assert.Equal(0.75, _loss.DualLoss(1f, 1f), 6);
        Assert.Equal(0.75, _loss.DualLoss(0f, -1f), 6);
        Assert.Equal(double.NegativeInfinity, _loss.DualLoss(1f, -0.5f));
    }
}
