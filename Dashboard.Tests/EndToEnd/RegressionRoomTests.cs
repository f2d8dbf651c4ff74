using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Issue 14's "done when", in a real browser: a numeric target (Ames house prices) gives a regression room, and moving its
/// rare-prices slider right retrains the four regressors, whose cards show R² and the predicted-vs-actual plot.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class RegressionRoomTests(BrowserFixture fixture)
{
    private const string AllRegressionCardsDone =
        "() => { const cards = [...document.querySelectorAll('.algorithm-card')]; " +
        "return cards.length === 4 && cards.every(c => c.querySelector('.r2-value') && /training rows/.test(c.innerText) && !c.querySelector('.mud-progress-linear')); }";

    [GeneratedRegex(@"on ([\d,]+) training rows")]
    private static partial Regex TrainingRows();

    private static async Task<int[]> CardRowsAsync(IPage page) =>
        (await page.Locator(".algorithm-card").AllInnerTextsAsync()).Select(t => int.Parse(TrainingRows().Match(t).Groups[1].Value.Replace(",", ""))).ToArray();

    /// <summary>A new room on ames_housing with its own target, Sale_Price, once the four regressors' baselines are in.</summary>
    internal static async Task<IPage> AmesRoomAsync(BrowserFixture fixture)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.WaitAsync(page, "() => document.querySelectorAll('.algorithm-card').length === 4 && !document.querySelector('.algorithm-card .mud-progress-linear')",
            "the default data set's four cards");
        await page.Locator(".dataset-choice").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Ames" }).ClickAsync();
        // The choice reaches the server (the picker shows it) before Load is pressed: MudSelect hands its value on only after
        // a round trip to the browser that closes its list, and a Load handled meanwhile reloads the data set already shown
        // (on a loaded CI machine the regression cards then never came: a 180 s timeout).
        await page.WaitForFunctionAsync("() => { const c = document.querySelector('.dataset-choice'); " +
            "return /Ames/.test(c.innerText + ' ' + [...c.querySelectorAll('input')].map(i => i.value).join(' ')); }");
        await page.Locator("button.load-dataset").ClickAsync();
        await PageCards.WaitAsync(page, AllRegressionCardsDone, "ames's four regression cards");
        return page;
    }

    [Fact]
    public async Task AmesSalePrice_RarePricesSliderRight_FourRegressorsRetrainWithR2AndPredictedVsActual()
    {
        var page = await AmesRoomAsync(fixture);
        var slider = page.Locator(".slider-card[data-slider='class']");
        Assert.Contains("Rare Sale_Price values", await slider.InnerTextAsync());
        Assert.Contains("predicted as a number", await page.Locator(".task-reason").InnerTextAsync());
        // Thresholds, costs and class weights mean nothing to a regressor: the page does not offer them.
        Assert.Equal(0, await page.Locator(".threshold-slider").CountAsync());
        Assert.Equal(0, await page.Locator("button.set-costs").CountAsync());
        Assert.Equal(0, await page.Locator(".class-weight").CountAsync());
        var rowsBefore = await CardRowsAsync(page);
        Assert.All(rowsBefore, rows => Assert.Equal(rowsBefore[0], rows));

        var track = slider.Locator("input[type=range]");
        await track.FocusAsync();
        await track.PressAsync("End"); // +100 %: SMOTER rows until the rare prices are half the training rows
        await PageCards.RetrainedAsync(page, rowsBefore[0]);
        await PageCards.WaitAsync(page, AllRegressionCardsDone, "the four regression cards done after the move");

        // The rare prices were raised to half the training rows: the common ones kept, so the rows grew to about twice the common rows.
        Assert.StartsWith("Rare values of Sale_Price: ", await slider.Locator(".slider-readout").InnerTextAsync());
        Assert.Contains("synthetic rows with a rare Sale_Price", await slider.Locator(".slider-what").InnerTextAsync());
        var rowsAfter = await CardRowsAsync(page);
        Assert.All(rowsAfter, rows => Assert.True(rows > rowsBefore[0], $"{rows} rows after, {rowsBefore[0]} before"));
        foreach (var card in await page.Locator(".algorithm-card").AllAsync())
        {
            Assert.Matches(@"^-?\d\.\d{3}$", (await card.Locator(".r2-value").InnerTextAsync()).Trim());
            Assert.Contains("vs baseline", await card.Locator(".r2-delta").InnerTextAsync());
            Assert.Contains("Rare-range MAE", await card.Locator(".regression-table").InnerTextAsync());
            // The predicted-vs-actual plot is drawn: Plotly's markers for the common and the rare test rows.
            await card.Locator(".js-plotly-plot .scatterlayer .point").First.WaitForAsync();
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "regression-room.png"), FullPage = true });
    }
}
