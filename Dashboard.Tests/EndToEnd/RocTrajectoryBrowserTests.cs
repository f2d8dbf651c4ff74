using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>The ROC-space trajectory in a real browser: after one slider move each card's path has two points, baseline then the move.</summary>
[Collection(BrowserCollection.Name)]
public class RocTrajectoryBrowserTests(BrowserFixture fixture)
{
    private const string Plot = "document.querySelector('.trajectory-panel .js-plotly-plot')";

    [Fact]
    public async Task ClassSliderMoved_EachCardsPathHasTheBaselineAndTheMove()
    {
        var page = await fixture.NewRoomAsync();
        await page.WaitForFunctionAsync($"() => {{ const d = {Plot}; return d && d.data && d.data.length === 5 && d.data.slice(1).every(t => t.x.length === 1); }}");

        var slider = page.Locator(".slider-card[data-slider='class'] input[type=range]");
        await slider.FocusAsync();
        await slider.PressAsync("Home");

        await page.WaitForFunctionAsync($"() => {{ const d = {Plot}; return d.data.slice(1).every(t => t.x.length === 2); }}",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        var names = await page.EvaluateAsync<string[]>($"() => {Plot}.data.slice(1).map(t => t.name)");
        Assert.Equal(["LightGBM", "Random forest", "Linear SVM", "Neural network (MLP)"], names);
        // Undersampling the majority to 50/50 finds more positives: every path ends higher than it starts.
        var recalls = await page.EvaluateAsync<double[][]>($"() => {Plot}.data.slice(1).map(t => t.y)");
        Assert.All(recalls, path => Assert.True(path[1] > path[0], $"recall {path[0]} -> {path[1]}"));
        await page.Locator(".trajectory-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "roc-trajectory.png") });
    }
}
