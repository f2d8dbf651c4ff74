using Dashboard.Core.Common;
using Dashboard.Core.Training.Mlp;

namespace Dashboard.Tests.Core.Training;

public class MlpNetworkTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Backward_SmallNetwork_MatchesFiniteDifferences(int secondHiddenUnits)
    {
        // Arrange: a tiny network and batch, so every parameter can be nudged.
        const int rows = 6, features = 3;
        var network = new MlpNetwork(features, hiddenUnits: 5, secondHiddenUnits);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new SeededRandom(11));
        var random = new SeededRandom(12);
        // Move every parameter, biases included, 0.05-0.1 away from its start. A bias left near zero puts a unit
        // at ReLU's kink for a row whose units below are all off, and finite differences are wrong at a kink.
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] += (float)((random.NextDouble() < 0.5 ? -1 : 1) * (0.05 + 0.05 * random.NextDouble()));
        }
        var input = Enumerable.Range(0, rows * features).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
        input[4] = 0; // a zero input exercises the non-zero column lists
        int[] labels = [0, 1, 1, 0, 1, 0];
        float[] weights = [1, 2, 1, 0.5f, 1, 3];
        var workspace = new MlpWorkspace(network, rows);

        // Act: analytic gradient of the mean weighted loss ...
        network.Forward(parameters, input, rows, workspace);
        LogisticLoss.Gradients(workspace.Logits[..rows], labels, weights, workspace.LogitGradients[..rows]);
        var gradients = new float[parameters.Length];
        network.Backward(parameters, input, rows, workspace, gradients);

        // Assert: ... against central differences of the same loss, computed in double.
        double Loss(float[] p)
        {
            network.Forward(p, input, rows, workspace);
            var sum = 0.0;
            for (var r = 0; r < rows; r++) sum += weights[r] * LogisticLoss.Loss(workspace.Logits[r], labels[r]);
            return sum / rows;
        }
        const float step = 1e-3f;
        for (var i = 0; i < parameters.Length; i++)
        {
            var original = parameters[i];
            parameters[i] = original + step;
            var up = Loss(parameters);
            parameters[i] = original - step;
            var down = Loss(parameters);
            parameters[i] = original;
            var numeric = (up - down) / (2 * step);
            Assert.True(Math.Abs(numeric - gradients[i]) <= 2e-3 + 0.02 * Math.Abs(numeric),
                $"parameter {i}: analytic {gradients[i]}, numeric {numeric}");
        }
    }
}
