using Dashboard.Core.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Storage;

/// <summary>
/// POST <c>/api/uploads?name=FILE.csv</c> with the file as the body: the same checks and storage as
/// the page's upload (kept under its SHA-256, never under the given name). Answers
/// <c>{ source, name }</c>, or <c>{ error }</c> with 400 (bad file) or 413 (over the size limit).
/// </summary>
public static class UploadEndpoint
{
    public const string Path = "/api/uploads";

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (string? name, HttpContext http, UploadStore uploads, IOptions<DataLimits> limits, CancellationToken cancellationToken) =>
        {
            var displayName = UploadStore.SafeDisplayName(name ?? "upload.csv");
            var limit = limits.Value.MaxFileBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + 1;
            if (http.Request.ContentLength > limit) return TooLarge(displayName, limit);

            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > limit) return TooLarge(displayName, limit);
                body.Write(buffer, 0, read);
            }
            try
            {
                var source = await uploads.SaveAsync(body.ToArray(), displayName, cancellationToken);
                return Results.Ok(new { source, name = displayName });
            }
            catch (DatasetException exception)
            {
                return Results.BadRequest(new { error = exception.Message });
            }
        }).DisableAntiforgery();
        return app;
    }

    private static IResult TooLarge(string name, long limit) => Results.Json(
        new { error = $"'{name}' is over the upload limit of {limit / 1048576.0:0.##} MB. Use a smaller file, or a sample of its rows." },
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
