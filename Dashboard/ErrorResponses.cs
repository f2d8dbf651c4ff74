using System.Net;
using Dashboard.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard;

/// <summary>
/// What a request that failed unexpectedly gets: a sentence (JSON for the API and export paths, a
/// small page for a browser), never an empty body or a stack trace. The details are in the log.
/// </summary>
public static class ErrorResponses
{
    public const string Path = "/error";

    public const string Sentence = "Something went wrong on the server (the details are in its log). Go back and try again; if it happens again, tell whoever runs the server.";

    public static async Task WriteAsync(HttpContext http)
    {
        var exception = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message) = exception is not null && StorageException.IsFolderProblem(exception)
            ? (StatusCodes.Status507InsufficientStorage, StorageException.For(exception, "That was not stored").Message)
            : (StatusCodes.Status500InternalServerError, Sentence);
        await WriteAsync(http, status, message);
    }

    /// <summary>The error page itself, for a browser sent to <see cref="Path"/>.</summary>
    public static Task PageAsync(HttpContext http) => WriteAsync(http, StatusCodes.Status500InternalServerError, Sentence);

    private static async Task WriteAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        var path = http.Request.Path.Value ?? "";
        var wantsPage = http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
            && !path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/export/", StringComparison.Ordinal);
        if (!wantsPage)
        {
            await http.Response.WriteAsJsonAsync(new { error = message });
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Something went wrong</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
            <h1>Something went wrong</h1>
            <p>{WebUtility.HtmlEncode(message)}</p>
            <p><a href="/">Back to the dashboard</a></p>
            </body></html>
            """);
    }
}
