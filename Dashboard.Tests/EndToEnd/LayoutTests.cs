using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The page's shape in a real browser: no sideways scrolling at common widths, the Columns panel whole, chart text
/// readable in dark mode, and the precision-recall chart drawn with data.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LayoutTests(BrowserFixture fixture)
{
    // Narrow first: a chart widens with its window at once, but only narrows when Plotly's resize comes round.
    private static readonly int[] Widths = [1000, 1366, 1920];

    /// <summary>The outermost elements whose right edge is past the window's: what to fix when the page scrolls sideways.</summary>
    private const string Overflowing = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && e.getBoundingClientRect().width > 0)
            .filter(e => e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
            .slice(0, 10)
            .map(e => `${e.tagName.toLowerCase()}.${e.getAttribute('class')} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`)
        """;

    private async Task<IPage> NewPageAsync()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = Widths[0], Height = 900 } });
        page.SetDefaultTimeout(120_000);
        return page;
    }

    /// <summary>At each width, the page settles no wider than the window; else the test names what sticks out.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            try
            {
                await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth",
                    null, new PageWaitForFunctionOptions { Timeout = 15_000 });
            }
            catch (TimeoutException)
            {
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                var culprits = await page.EvaluateAsync<string[]>(Overflowing);
                Assert.Fail($"{where} at {width} px is {scrollWidth} px wide; sticking out: {string.Join("; ", culprits)}");
            }
        }
    }

    [Fact]
    public async Task LivePageWithCardsAndHistory_NoHorizontalScrollbar_At1000_1366_1920()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);

        await AssertNoSidewaysScrollAsync(page, "the live page");

        await page.SetViewportSizeAsync(Widths[0], 900);
        await page.GotoAsync(fixture.Server.BaseUrl + "/history");
        await page.Locator(".run-grid .run-reason").First.WaitForAsync();
        await AssertNoSidewaysScrollAsync(page, "the history page");
    }

    [Fact]
    public async Task LivePage_PrecisionRecallChart_DrawsACurveAndAThresholdMarkerPerAlgorithm()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);
        const string Plot = "document.querySelector('.pr-panel .js-plotly-plot')";
        await page.WaitForFunctionAsync($"() => {{ const d = {Plot}; return d && d.data && d.data.length === 9; }}");

        var traces = JsonDocument.Parse(await page.EvaluateAsync<string>(
            $"() => JSON.stringify({Plot}.data.map(t => ({{ name: t.name, mode: t.mode, x: t.x, y: t.y }})))")).RootElement.EnumerateArray().ToList();

        // The no-skill line, then per algorithm its curve and its marker at the card's threshold.
        var noSkill = traces[0];
        Assert.StartsWith("no skill", noSkill.GetProperty("name").GetString());
        var rate = noSkill.GetProperty("y")[0].GetDouble();
        Assert.InRange(rate, 0.2, 0.45); // titanic's test rows: about a third survived
        Assert.Equal(rate, noSkill.GetProperty("y")[1].GetDouble());
        var curves = traces.Where(t => t.GetProperty("mode").GetString() == "lines").Skip(1).ToList();
        var markers = traces.Where(t => t.GetProperty("mode").GetString() == "markers").ToList();
        Assert.Equal(4, curves.Count);
        Assert.All(curves, c => Assert.True(c.GetProperty("x").GetArrayLength() > 10, $"{c.GetProperty("name")} has points"));
        Assert.Equal(4, markers.Count);
        Assert.All(markers, m => Assert.EndsWith("at threshold 0.500", m.GetProperty("name").GetString()));
        Assert.True(await page.Locator(".pr-panel .js-plotly-plot .scatterlayer path.js-line").CountAsync() >= 5, "lines drawn in the SVG");
    }

    [Fact]
    public async Task ColumnsPanelAt1440_TableInsideThePanel()
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);

        await page.Locator(".columns-panel").GetByText("Columns (").ClickAsync();
        await page.Locator(".column-table td").First.WaitForAsync();

        // The table's last column ends inside the panel (it was cut off at a third of the page).
        await page.WaitForFunctionAsync("""
            () => { const table = document.querySelector('.column-table table'), panel = document.querySelector('.columns-panel');
                    return table.getBoundingClientRect().width > 0 && table.getBoundingClientRect().right <= panel.getBoundingClientRect().right; }
            """, null, new PageWaitForFunctionOptions { Timeout = 15_000 });
    }

    [Fact]
    public async Task DarkMode_EveryTickLabelInEveryChart_InTheThemesTextColour()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseUrl + "/");
        await PageCards.DoneAsync(page);
        await page.Locator(".slider-card .js-plotly-plot .x2tick text").First.WaitForAsync();

        await page.Locator("button[aria-label='Toggle dark mode']").ClickAsync();

        // Plotly names tick groups by axis (xtick, x2tick, y2tick…): every one of them, whatever CSS the page has.
        const string Unreadable = """
            () => { const probe = document.createElement('div'); probe.style.color = 'var(--mud-palette-text-primary)'; document.body.appendChild(probe);
                    const text = getComputedStyle(probe).color; probe.remove();
                    const ticks = [...document.querySelectorAll('.js-plotly-plot g[class$="tick"] > text')];
                    return ticks.length === 0 ? ['no tick labels'] : ticks.filter(t => getComputedStyle(t).fill !== text)
                        .slice(0, 5).map(t => `${t.parentElement.getAttribute('class')} "${t.textContent}" ${getComputedStyle(t).fill} (text ${text})`); }
            """;
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-theme-dark, .mud-dark') !== null || getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'");
        Assert.Empty(await page.EvaluateAsync<string[]>(Unreadable));
    }
}
