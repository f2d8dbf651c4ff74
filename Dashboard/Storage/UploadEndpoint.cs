using Dashboard.Core.Data;
using Dashboard.Security;
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
        app.MapPost(Path, async (string? name, HttpContext http, UploadStore uploads, ClientLimits clients, IOptions<DataLimits> limits,
            CancellationToken cancellationToken) =>
        {
            var displayName = UploadStore.SafeDisplayName(name ?? "upload.csv");
            var limit = limits.Value.MaxFileBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + 1;
            if (http.Request.ContentLength > limit) return TooLarge(displayName, limit);
            using var lease = clients.StartUpload(ClientAddress.KeyOf(http));
            if (lease.Refusal is not null) return Results.Json(new { error = lease.Refusal }, statusCode: StatusCodes.Status429TooManyRequests);
            try
            {
                // Streamed to disk block by block (UploadStore): a large body never sits in memory whole.
                var stored = await uploads.SaveAsync(http.Request.Body, displayName, lease.Charge, cancellationToken);
                return Results.Ok(new { source = stored.Source, name = stored.DisplayName });
            }
            catch (DatasetException exception) when (exception.Problem == DataProblem.FileTooLarge)
            {
                return Results.Json(new { error = exception.Message }, statusCode: StatusCodes.Status413PayloadTooLarge);
            }
            catch (DatasetException exception)
            {
                return Results.BadRequest(new { error = exception.Message });
            }
            catch (StorageException exception)
            {
                return Results.Json(new { error = exception.Message }, statusCode: StatusCodes.Status507InsufficientStorage);
            }
        }).DisableAntiforgery();
        return app;
    }

    private static IResult TooLarge(string name, long limit) => Results.Json(
        new { error = $"'{name}' is over the upload limit of {limit / 1048576.0:0.##} MB. Use a smaller file, or a sample of its rows." },
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
