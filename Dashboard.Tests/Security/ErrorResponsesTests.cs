using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Tests.Security;

/// <summary>An unexpected failure answers a sentence (JSON for the API, a page for a browser), never an empty body or a stack trace.</summary>
public class ErrorResponsesTests
{
    private static async Task<(int Status, string Body, string? Type)> HandleAsync(Exception exception, string path, string accept)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Request.Headers.Accept = accept;
        http.Response.Body = new MemoryStream();
        http.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = exception, Path = path });

        await ErrorResponses.WriteAsync(http);

        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync(), http.Response.ContentType);
    }

    [Fact]
    public async Task WriteAsync_ApiPath_JsonSentenceWithoutExceptionText()
    {
        var (status, body, type) = await HandleAsync(new NullReferenceException("Object reference not set to an instance of an object."), "/api/uploads", "*/*");

        Assert.Equal(500, status);
        Assert.StartsWith("application/json", type);
        Assert.Equal(ErrorResponses.Sentence, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("Object reference", body);
    }

    [Fact]
    public async Task WriteAsync_BrowserPage_HtmlPageWithALinkBack()
    {
        var (status, body, type) = await HandleAsync(new InvalidOperationException("boom"), "/history", "text/html,application/xhtml+xml");

        Assert.Equal(500, status);
        Assert.StartsWith("text/html", type);
        Assert.Contains("Something went wrong", body);
        Assert.Contains("href=\"/\"", body);
        Assert.DoesNotContain("boom", body);
    }

    [Fact]
    public async Task WriteAsync_DiskFull_507SaysSo()
    {
        var (status, body, _) = await HandleAsync(new IOException("No space left on device"), "/api/uploads", "application/json");

        Assert.Equal(507, status);
        Assert.Contains("the server's disk is full", body);
    }
}
