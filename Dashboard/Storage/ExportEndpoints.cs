using System.Globalization;
using System.Text;
using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Security;

namespace Dashboard.Storage;

/// <summary>
/// Downloads of stored runs: <c>/export/runs.csv</c>, <c>/export/runs.json</c> and
/// <c>/export/report.html</c>, each for <c>?ids=a,b,c</c> (one run or a selection) or
/// <c>?room=CODE</c> (a room's whole history); the report also takes <c>&amp;metric=F1</c>.
/// </summary>
public static class ExportEndpoints
{
    public const string CsvPath = "/export/runs.csv";
    public const string JsonPath = "/export/runs.json";
    public const string ReportPath = "/export/report.html";
    private const int MaxIds = 500;

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, async (string? ids, string? room, HttpContext http, RunStore store, ClientLimits clients, CancellationToken cancellationToken) =>
        {
            var (runs, problem) = await FindAsync(ids, room, http, store, clients, cancellationToken);
            return problem ?? Results.File(RunCsv.WriteBytes(runs), "text/csv; charset=utf-8", FileName(runs, room, "csv"));
        });
        app.MapGet(JsonPath, async (string? ids, string? room, HttpContext http, RunStore store, ClientLimits clients, CancellationToken cancellationToken) =>
        {
            var (runs, problem) = await FindAsync(ids, room, http, store, clients, cancellationToken);
            return problem ?? Results.File(RunJson.WriteBytes(runs), "application/json; charset=utf-8", FileName(runs, room, "json"));
        });
        app.MapGet(ReportPath, async (string? ids, string? room, string? metric, HttpContext http, RunStore store, ClientLimits clients,
            CancellationToken cancellationToken) =>
        {
            if (!TryParseMetric(metric, out var chosen))
            {
                return Results.BadRequest(new { error = $"'{metric}' is not a metric. Use one of: {string.Join(", ", Enum.GetNames<MetricId>())}." });
            }
            var (runs, problem) = await FindAsync(ids, room, http, store, clients, cancellationToken);
            if (problem is not null) return problem;
            // The report is static HTML: nothing in it may run or load anything, even if opened from this site.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            var html = HtmlReport.Build(runs, chosen, DateTimeOffset.UtcNow);
            return Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", FileName(runs, room, "html"));
        });
        return app;
    }

    /// <summary>The query string for a selection of runs, e.g. "ids=a1b2,c3d4".</summary>
    public static string Query(IEnumerable<string> runIds) => "ids=" + Uri.EscapeDataString(string.Join(',', runIds));

    private static bool TryParseMetric(string? text, out MetricId metric)
    {
        metric = MetricId.F1;
        return string.IsNullOrEmpty(text) || Enum.TryParse(text, ignoreCase: true, out metric) && Enum.IsDefined(metric);
    }

    /// <summary>
    /// The runs asked for. A room code or run ids that match nothing count as a wrong guess for the
    /// client's address, like a wrong code at the hub: past the limit the address must wait (429).
    /// </summary>
    private static async Task<(IReadOnlyList<RecordedRun> Runs, IResult? Problem)> FindAsync(string? ids, string? room, HttpContext http, RunStore store,
        ClientLimits clients, CancellationToken cancellationToken)
    {
        var address = ClientAddress.KeyOf(http);
        if (clients.RoomCodeRefusal(address) is { } refusal) return ([], Results.Json(new { error = refusal }, statusCode: StatusCodes.Status429TooManyRequests));
        IReadOnlyList<RecordedRun> runs;
        if (!string.IsNullOrWhiteSpace(ids))
        {
            var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.Length > MaxIds) return ([], Results.BadRequest(new { error = $"At most {MaxIds} runs can be exported at once; {list.Length} were asked for." }));
            runs = await store.GetAsync(list, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(room))
        {
            runs = RoomCode.Normalize(room) is { } code ? await store.GetRoomAsync(code, cancellationToken) : [];
        }
        else
        {
            return ([], Results.BadRequest(new { error = "Say which runs to export: ?ids=RUN1,RUN2 or ?room=ROOMCODE." }));
        }
        if (runs.Count > 0) return (runs, null);
        clients.WrongRoomCode(address);
        return ([], Results.NotFound(new { error = "No stored run matches. Runs are stored when they finish; check the ids or the room code." }));
    }

    private static string FileName(IReadOnlyList<RecordedRun> runs, string? room, string extension)
    {
        var stem = RoomCode.Normalize(room) is { } code ? $"room-{code}-runs"
            : runs.Count == 1 ? $"run-{runs[0].RunId}"
            : $"runs-{runs.Count.ToString(CultureInfo.InvariantCulture)}";
        return $"{stem}.{extension}";
    }
}
