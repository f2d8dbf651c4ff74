using Dashboard.Core.Data;
using Microsoft.Extensions.Options;

namespace Dashboard.Storage;

/// <summary>
/// The one way the server loads a data set a client named (page, hub, stored rooms, replays): a
/// bundled name or an upload id, checked as text before anything is opened (<see cref="DatasetSource"/>).
/// A file path is refused; only the command-line verbs read paths.
/// </summary>
public sealed class ServerDatasets(UploadStore uploads, IOptions<DataLimits> limits)
{
    /// <exception cref="DatasetException">The source is not a bundled name or a stored upload, or the file is bad.</exception>
    public Dataset Load(string? source)
    {
        DatasetSource.Check(source);
        return BundledDatasets.Find(source!) is { } bundled ? BundledDatasets.Load(bundled, limits.Value) : uploads.Load(source!);
    }
}
