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
    public static Task DoneAsync(IPage page) =>
        page.WaitForFunctionAsync(AllCardsDone, null, new PageWaitForFunctionOptions { Timeout = 180_000 });

    [GeneratedRegex(@"on ([\d,]+) training rows")]
    private static partial Regex TrainingRows();

    /// <summary>The training rows each card says its model trained on.</summary>
    public static async Task<int[]> RowsAsync(IPage page) =>
        (await page.Locator(".algorithm-card").AllInnerTextsAsync()).Select(t => int.Parse(TrainingRows().Match(t).Groups[1].Value.Replace(",", ""))).ToArray();

    /// <summary>Waits until every card has a result on another number of training rows than <paramref name="rowsBefore"/>.</summary>
    public static Task RetrainedAsync(IPage page, int rowsBefore) =>
        page.WaitForFunctionAsync($"() => {{ const t = [...document.querySelectorAll('.algorithm-card')].map(c => c.innerText); " +
            $"return t.length === 4 && t.every(x => /on [\\d,]+ training rows/.test(x) && !/on {rowsBefore:N0} training rows/.test(x)); }}",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
}
