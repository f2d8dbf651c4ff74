using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

// What a visitor waits for, measured in a real browser against a running dashboard (issue 16's browser targets):
// the first visit (the page's load event → all four cards), a slider position trained now, the same position
// again (the result cache, same room), that position in another room, and one step on after the room sat idle
// (speculation). Times are taken inside the page: from the pointer's (or focus's) release to the frame in which
// all four cards show their new result, checked once per animation frame (about 16 ms resolution).

var url = Arg("--url") ?? throw new ArgumentException("--url http://127.0.0.1:PORT of a running dashboard is required.");
var idleSeconds = double.Parse(Arg("--idle") ?? "12", CultureInfo.InvariantCulture);
string[] positions = (Arg("--positions") ?? "0.80,0.90,0.65").Split(',');

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
var results = new List<object>();

var first = await OpenAsync();
var firstVisit = await first.EvaluateAsync<double>("() => window.__doneAt - performance.getEntriesByType('navigation')[0].loadEventEnd");
results.Add(new
{
    kind = "first visit: load event → four cards",
    milliseconds = Math.Round(firstVisit),
    // Where the first visit's time goes, in ms after the load event: what the page showed when.
    milestones = await first.EvaluateAsync<Dictionary<string, double>>("() => Object.fromEntries(Object.entries(window.__marks).map(([k, v]) => [k, Math.round(v - performance.getEntriesByType('navigation')[0].loadEventEnd)]))"),
    origins = await OriginsAsync(first),
});

if (args.Contains("--frames"))
{
    Console.Error.WriteLine("first visit long tasks (ms after the load event: duration): " + await first.EvaluateAsync<string>(
        "() => { const load = performance.getEntriesByType('navigation')[0].loadEventEnd; return window.__firstLong.filter(([t]) => t <= window.__doneAt).map(([t, d]) => `${Math.round(t - load)}: ${Math.round(d)}`).join(', '); }"));
    Console.Error.WriteLine("first visit frames (ms after the load event: bytes, negative = sent): " + await first.EvaluateAsync<string>(
        "() => { const load = performance.getEntriesByType('navigation')[0].loadEventEnd; return window.__frames.filter(([t]) => t <= window.__doneAt + 5).map(([t, n]) => `${Math.round(t - load)}: ${n}`).join(', '); }"));
}
// Where the first visit's page weight is: the HTML of each top-level part, and of the largest kinds of element inside them.
if (args.Contains("--dom-sizes"))
{
    Console.Error.WriteLine("first visit, HTML characters by part: " + await first.EvaluateAsync<string>("""
        () => {
            const stack = document.querySelector('.algorithm-card').closest('.mud-grid').parentElement;
            const parts = [...stack.children].map(e => `${e.className.split(' ').find(c => !c.startsWith('mud-')) || e.tagName.toLowerCase()}:${e.outerHTML.length}`);
            const byClass = {};
            for (const e of stack.querySelectorAll('[class]')) for (const c of e.classList) if (!c.startsWith('mud-') || c.match(/^mud-(popover|expand|collapse|tooltip|slider|input|table|menu|chart|select)/)) byClass[c] = (byClass[c] || 0) + e.outerHTML.length;
            const top = Object.entries(byClass).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([c, n]) => `${c}:${n}`);
            const popovers = [...document.querySelectorAll('.mud-popover-provider .mud-popover')];
            return `total ${stack.outerHTML.length}; ${parts.join(', ')}\n  largest classes (nested counted in each): ${top.join(', ')}` +
                `\n  popovers: ${popovers.length}, ${popovers.reduce((n, e) => n + e.outerHTML.length, 0)} characters; whole body ${document.body.outerHTML.length}; elements ${document.body.querySelectorAll('*').length}`;
        }
        """));
}
foreach (var position in positions) results.Add(await MoveAsync(first, double.Parse(position, CultureInfo.InvariantCulture), "new position"));
foreach (var position in positions) results.Add(await MoveAsync(first, double.Parse(position, CultureInfo.InvariantCulture), "visited before, same room"));
var other = await OpenAsync();
foreach (var position in positions) results.Add(await MoveAsync(other, double.Parse(position, CultureInfo.InvariantCulture), "visited before, another room"));

// Speculation: a new position, the room idle (the server trains around it), then one key press and focus leaving the slider.
results.Add(await MoveAsync(first, 0.45, "new position, then idle"));
await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
var rowsBefore = await RowsAsync(first);
var slider = Slider(first);
await slider.FocusAsync();
await slider.PressAsync("ArrowRight");
await ArmAsync(first, "focusout");
await first.Keyboard.PressAsync("Tab"); // focus leaves: the gesture commits at once
results.Add(new { kind = "one step on after idle (key, then focus out)", milliseconds = await UpdatedAsync(first, rowsBefore), browserBusyMilliseconds = await BrowserBusyAsync(first),
    origins = await OriginsAsync(first) });

// To look at a drag under way: the class slider's card while its thumb is held (the preview floats over the readout).
if (Arg("--drag-screenshot") is { } dragShot)
{
    var track = await Slider(first).BoundingBoxAsync() ?? throw new InvalidOperationException("The class slider is not on the page.");
    await first.Mouse.MoveAsync((float)(track.X + 0.5 * track.Width), track.Y + track.Height / 2);
    await first.Mouse.DownAsync();
    await first.Mouse.MoveAsync((float)(track.X + 0.7 * track.Width), track.Y + track.Height / 2, new MouseMoveOptions { Steps = 5 });
    await first.WaitForTimeoutAsync(500);
    await first.Locator(".slider-card[data-slider='class']").ScreenshotAsync(new LocatorScreenshotOptions { Path = dragShot });
    await first.Mouse.UpAsync();
}

// To look at what was measured: the first room's page after its last move.
if (Arg("--screenshot") is { } screenshot) await first.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "browser slider", url, results }, new JsonSerializerOptions { WriteIndented = true }));
return 0;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

async Task<IPage> OpenAsync()
{
    var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
    page.SetDefaultTimeout(120_000);
    // Milestones of a visit, stamped by the page as they happen (the first time each is seen).
    await page.AddInitScriptAsync("""
        window.__marks = {};
        // The browser's main thread busy for 50 ms or more from the start of the visit: what holds up the first frames.
        window.__firstLong = [];
        new PerformanceObserver(l => window.__firstLong.push(...l.getEntries().map(e => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
        // Every SignalR frame the page sends (negative size) or receives, stamped: which frames a move waits for.
        window.__frames = [];
        const sizeOf = d => d.size ?? d.byteLength ?? d.length ?? 0;
        window.WebSocket = class extends window.WebSocket {
            constructor(...args) { super(...args); this.addEventListener('message', e => window.__frames.push([performance.now(), sizeOf(e.data)])); }
            send(data) { window.__frames.push([performance.now(), -sizeOf(data)]); super.send(data); }
        };
        const seen = (name, test) => { if (!(name in window.__marks) && test()) window.__marks[name] = performance.now(); };
        new MutationObserver(() => {
            seen('opening a room', () => document.body.innerText.includes('Opening a room'));
            seen('joining the room', () => document.body.innerText.includes('Joining room'));
            seen('loading the data set', () => document.body.innerText.includes('training the baseline'));
            seen('first card', () => document.querySelector('.algorithm-card') !== null);
            seen('first card with a result', () => [...document.querySelectorAll('.algorithm-card')].some(c => /training rows/.test(c.innerText)));
            seen('first chart drawn', () => document.querySelector('.js-plotly-plot') !== null);
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """);
    await page.GotoAsync(url.TrimEnd('/') + "/");
    await page.WaitForFunctionAsync($"() => {{ if ({CardsDone("0")}) {{ window.__doneAt ??= performance.now(); return true; }} return false; }}", null,
        new PageWaitForFunctionOptions { Timeout = 180_000 });
    return page;
}

ILocator Slider(IPage page) => page.Locator(".slider-card[data-slider='class'] input[type=range]");

// The release is stamped by the page itself, so the browser's own time to the result is what is measured.
// Long tasks (the browser's main thread busy for 50 ms or more: applying Blazor's changes, Plotly drawing) are summed
// over the same span, to tell the browser's share of the wait from the server's.
Task ArmAsync(IPage page, string releaseEvent) => page.EvaluateAsync(
    $"() => {{ window.__releasedAt = undefined; window.__doneAt = undefined; window.__long = []; " +
    "if (!window.__observer) { window.__observer = new PerformanceObserver(l => window.__long.push(...l.getEntries().map(e => [e.startTime, e.duration]))); window.__observer.observe({ type: 'longtask' }); } " +
    $"document.addEventListener('{releaseEvent}', () => {{ window.__releasedAt ??= performance.now(); window.__wall = Date.now() - performance.now(); }}, {{ capture: true, once: true }}); }}");

Task<double> BrowserBusyAsync(IPage page) => page.EvaluateAsync<double>(
    "() => Math.round(window.__long.filter(([start, d]) => start + d > window.__releasedAt && start < window.__doneAt).reduce((sum, [start, d]) => sum + Math.min(start + d, window.__doneAt) - Math.max(start, window.__releasedAt), 0))");

async Task<object> MoveAsync(IPage page, double fraction, string kind)
{
    await page.WaitForTimeoutAsync(1000); // a user looks at the cards before moving again (and the page's last redraws land)
    var rowsBefore = await RowsAsync(page);
    await Slider(page).ScrollIntoViewIfNeededAsync();
    var box = await Slider(page).BoundingBoxAsync() ?? throw new InvalidOperationException("The class slider is not on the page.");
    await page.Mouse.MoveAsync((float)(box.X + fraction * box.Width), box.Y + box.Height / 2);
    await ArmAsync(page, "pointerup");
    await page.Mouse.DownAsync();
    await page.Mouse.UpAsync();
    var milliseconds = await UpdatedAsync(page, rowsBefore);
    var busy = await BrowserBusyAsync(page);
    var wall = await page.EvaluateAsync<double>("() => (window.__wall + window.__releasedAt) % 1000000");
    // The release on the system clock (Unix ms modulo 10^6), to line it up with the server's log: the page's own clock
    // (performance.timeOrigin) drifted seconds from it in this machine's browser.
    Console.Error.WriteLine($"{kind} at {fraction}: {milliseconds} ms (browser busy {busy} ms), released at {wall:F0}");
    var frames = await FramesAsync(page);
    if (args.Contains("--frames")) Console.Error.WriteLine($"  frames (ms after release: bytes, negative = sent): {frames}");
    return new { kind, position = await Slider(page).InputValueAsync(), milliseconds, browserBusyMilliseconds = busy, rows = await RowsAsync(page), origins = await OriginsAsync(page), frames };
}

// All four cards show a result on another number of training rows than before, and none is training.
async Task<double> UpdatedAsync(IPage page, string rowsBefore)
{
    try
    {
        await page.WaitForFunctionAsync($"() => {{ if ({CardsDone(rowsBefore)}) {{ window.__doneAt ??= performance.now(); return true; }} return false; }}", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
    }
    catch (TimeoutException)
    {
        var shot = Path.Combine(Path.GetTempPath(), "browser-bench-timeout.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        throw new TimeoutException($"The cards did not update (trained on {rowsBefore} rows before); the page is in {shot}.");
    }
    return Math.Round(await page.EvaluateAsync<double>("() => window.__doneAt - window.__releasedAt"));
}

static string CardsDone(string rowsBefore) =>
    "(() => { const cards = [...document.querySelectorAll('.algorithm-card')]; " +
    $"return cards.length === 4 && cards.every(c => /on [\\d,]+ training rows/.test(c.innerText) && !c.innerText.includes('on {rowsBefore} training rows') && !c.querySelector('.mud-progress-linear')); }})()";

// The SignalR frames between the release and the cards' update, as "ms: bytes" (sent ones negative).
async Task<string> FramesAsync(IPage page) => await page.EvaluateAsync<string>(
    "() => window.__frames.filter(([t]) => t >= window.__releasedAt - 5 && t <= window.__doneAt + 5).map(([t, n]) => `${Math.round(t - window.__releasedAt)}: ${n}`).join(', ')");

async Task<string> RowsAsync(IPage page) =>
    await page.EvaluateAsync<string>("() => (/on ([\\d,]+) training rows/.exec(document.querySelector('.algorithm-card').innerText) || [])[1] || ''");

async Task<string[]> OriginsAsync(IPage page) =>
    [.. (await page.Locator(".algorithm-card").AllInnerTextsAsync()).Select(t => t.Contains("from the cache") ? "cache" : t.Contains("trained ahead") ? "speculation" : "trained")];
