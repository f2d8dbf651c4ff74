using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>What browser tests read off the page's algorithm cards.</summary>
internal static partial class PageCards
{
    /// <summary>A page function: the four cards have a result and none is training.</summary>
    public const string AllCardsDone =
        "() => document.querySelectorAll('.algorithm-card').length === 4 && " +
        "[...document.querySelectorAll('.algorithm-card')].every(c => /training rows/.test(c.innerText) && !c.querySelector('.mud-progress-linear'))";

    /// <summary>Waits until the page's four cards have a result and none is training (<see cref="AllCardsDone"/>).</summary>
    public static Task DoneAsync(IPage page) => WaitAsync(page, AllCardsDone, "four cards done");

    /// <summary>
    /// Waits (up to 3 minutes) for a page function to be true. When it is not, the timeout's message says what the cards and the
    /// slider readouts showed, and a screenshot is kept beside the test's other pictures: CI prints only a failure's message.
    /// </summary>
    public static async Task WaitAsync(IPage page, string function, string waitingFor)
    {
        try
        {
            await page.WaitForFunctionAsync(function, null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        }
        catch (TimeoutException timeout)
        {
            static string Line(string text)
            {
                var line = Regex.Replace(text, @"\s+", " ").Trim();
                return line.Length > 160 ? line[..160] + "…" : line;
            }
            var cards = (await page.Locator(".algorithm-card").AllInnerTextsAsync()).Select(Line);
            var readouts = (await page.Locator(".slider-readout").AllInnerTextsAsync()).Select(Line);
            var shot = Path.Combine(BrowserFixture.ArtifactFolder, $"timeout-{DateTime.UtcNow:HHmmss}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            throw new TimeoutException($"Waited 3 minutes for {waitingFor} at {page.Url}. Cards: [{string.Join("] [", cards)}]. " +
                $"Slider readouts: [{string.Join("] [", readouts)}]. Screenshot: {shot}", timeout);
        }
    }

    [GeneratedRegex(@"on ([\d,]+) training rows")]
    private static partial Regex TrainingRows();

    /// <summary>The training rows each card says its model trained on.</summary>
    public static async Task<int[]> RowsAsync(IPage page) =>
        (await page.Locator(".algorithm-card").AllInnerTextsAsync()).Select(t => int.Parse(TrainingRows().Match(t).Groups[1].Value.Replace(",", ""))).ToArray();

    /// <summary>Waits until every card has a result on another number of training rows than <paramref name="rowsBefore"/>.</summary>
    public static Task RetrainedAsync(IPage page, int rowsBefore) =>
        WaitAsync(page, $"() => {{ const t = [...document.querySelectorAll('.algorithm-card')].map(c => c.innerText); " +
            $"return t.length === 4 && t.every(x => /on [\\d,]+ training rows/.test(x) && !/on {rowsBefore:N0} training rows/.test(x)); }}",
            $"four cards retrained on other than {rowsBefore:N0} rows");
}
