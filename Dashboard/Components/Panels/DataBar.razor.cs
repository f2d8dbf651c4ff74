using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Dashboard.Security;
using Dashboard.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace Dashboard.Components.Panels;

public partial class DataBar
{
    private string? _source;
    private string? _uploadName;
    private Dataset? _dataset;
    private IReadOnlyList<string> _columns = [];
    private string? _target;
    private string? _positive;

    /// <summary>The task as chosen: <see cref="AutoTask"/> (from the target), or a <see cref="TargetTask"/> name.</summary>
    private string _task = AutoTask;

    private const string AutoTask = "auto";
    private IReadOnlyCollection<string> _excluded = [];
    private IReadOnlyCollection<string> _asCategories = [];

    /// <summary>Columns read as numbers in the file: the user may read any of them as categories instead.</summary>
    private IReadOnlyList<string> _numericColumns = [];
    private int _seed;
    private double _testShare;
    private bool _uploading;
    private double _uploadPercent;
    private string? _error;
    private DatasetChoice? _shownChoice;

    /// <summary>The target proposed for a file just uploaded; training waits until the user confirms (null otherwise).</summary>
    private TargetProposal? _proposal;

    [Parameter, EditorRequired]
    public RoomView Snapshot { get; set; } = default!;

    [Parameter]
    public EventCallback<DatasetChoice> OnSelect { get; set; }

    /// <summary>True in classroom mode for everyone but the host.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    [Inject]
    private UploadStore Uploads { get; set; } = default!;

    [Inject]
    private ServerDatasets Datasets { get; set; } = default!;

    [Inject]
    private ClientLimits ClientLimits { get; set; } = default!;

    [Inject]
    private CircuitClient Client { get; set; } = default!;

    [Inject]
    private IOptions<DataLimits> Limits { get; set; } = default!;

    private IReadOnlyList<string> _classes = [];

    private bool OneVsRest => _classes.Count > 2 && !IsRegression;

    /// <summary>The room's target is predicted as a number, and the target shown is still that one: there is no positive class.</summary>
    private bool IsRegression => Snapshot.Task == TargetTask.Regression && _target == Snapshot.Workspace?.Split.Data.TargetColumn && _task != nameof(TargetTask.Classification);

    protected override void OnParametersSet()
    {
        // Show the room's data set whenever it changes (another member may have changed it).
        var choice = Snapshot.State.Dataset;
        if (ReferenceEquals(choice, _shownChoice) || Snapshot.Workspace is null) return;
        _shownChoice = choice;
        _proposal = null; // the room moved on (another member loaded a data set): an upload's proposal no longer applies
        var labeled = Snapshot.Workspace.Split.Data;
        _source = choice.Source;
        // Every member sees an upload by its file name (the workspace's title), never by its id.
        if (DatasetSource.IsUpload(choice.Source)) _uploadName = Snapshot.Workspace.Title;
        _dataset = labeled.Data;
        _columns = _dataset.Columns.Select(c => c.Name).ToArray();
        _asCategories = (choice.KindOverrides ?? new Dictionary<string, ColumnKind>()).Where(o => o.Value == ColumnKind.Categorical).Select(o => o.Key).ToHashSet();
        _numericColumns = [.. _dataset.Columns.Where(c => c.Kind == ColumnKind.Numeric).Select(c => c.Name), .. _asCategories];
        _target = labeled.TargetColumn;
        _positive = choice.PositiveClass;
        _task = choice.Task?.ToString() ?? AutoTask;
        _excluded = labeled.ExcludedColumns.ToHashSet();
        _seed = choice.SplitSeed;
        _testShare = choice.TestShare;
        _classes = labeled.TargetClasses;
    }

    private void SourceChanged(string source)
    {
        _error = null;
        _proposal = null;
        try
        {
            ShowColumns(Datasets.Load(source), BundledDatasets.Find(source)?.DefaultTarget);
            _source = source;
        }
        catch (DatasetException exception)
        {
            _error = exception.Message;
        }
    }

    private void ShowColumns(Dataset dataset, string? target)
    {
        _dataset = dataset;
        _columns = dataset.Columns.Select(c => c.Name).ToArray();
        _numericColumns = dataset.Columns.Where(c => c.Kind == ColumnKind.Numeric).Select(c => c.Name).ToArray();
        _asCategories = [];
        _target = target ?? _columns[^1];
        _positive = null;
        _task = AutoTask;
        _excluded = LabeledDataset.DefaultExclusions(dataset).ToHashSet();
        _classes = ClassesOf(_target);
    }

    private void TargetChanged(string target)
    {
        _target = target;
        _positive = null;
        _task = AutoTask;
        _classes = ClassesOf(target);
    }

    private IReadOnlyList<string> ClassesOf(string? target)
    {
        if (_dataset is null || target is null || !_dataset.HasColumn(target)) return [];
        var column = _dataset.Column(target);
        return Enumerable.Range(0, column.Length).Where(r => !column.IsMissing(r)).Select(column.FormatValue).Distinct().Take(50).ToArray();
    }

    private async Task UploadAsync(IBrowserFile file)
    {
        _error = null;
        var limit = Limits.Value.MaxFileBytes;
        if (file.Size > limit)
        {
            _error = $"'{UploadStore.SafeDisplayName(file.Name)}' is {file.Size / 1048576.0:0.#} MB, over the limit of {limit / 1048576} MB. Use a smaller file, or a sample of its rows.";
            return;
        }
        using var lease = ClientLimits.StartUpload(Client.Address);
        if (lease.Refusal is not null)
        {
            _error = lease.Refusal;
            return;
        }
        _uploading = true;
        try
        {
            // Streamed to the server's disk as it arrives: memory holds one block, not the whole file.
            await using var stream = file.OpenReadStream(limit);
            long received = 0;
            var stored = await Uploads.SaveAsync(stream, file.Name, bytes =>
            {
                received += bytes;
                _uploadPercent = 100.0 * received / Math.Max(1, file.Size);
                _ = InvokeAsync(StateHasChanged);
                return lease.Charge(bytes);
            }, CancellationToken.None);
            _uploadName = stored.DisplayName;
            _source = stored.Source;
            // Not trained at once on the last column: the user sees the proposed target, and why, and confirms it.
            _proposal = TargetProposal.Propose(stored.Dataset);
            ShowColumns(stored.Dataset, _proposal.Column);
        }
        catch (Exception exception) when (exception is DatasetException or StorageException)
        {
            _error = exception.Message;
        }
        catch (IOException exception)
        {
            _error = UserMessage.From($"The upload did not finish: {exception.Message}");
        }
        finally
        {
            _uploading = false;
        }
    }

    private async Task ApplyAsync()
    {
        if (_source is null) return;
        _error = null;
        _proposal = null;
        var defaults = _dataset is null ? [] : LabeledDataset.DefaultExclusions(_dataset);
        var excluded = _excluded.ToArray();
        var overrides = _asCategories.Count == 0 ? null : _asCategories.ToDictionary(c => c, _ => ColumnKind.Categorical);
        var choice = new DatasetChoice(_source, _target, string.IsNullOrEmpty(_positive) ? null : _positive,
            excluded.Order().SequenceEqual(defaults.Order()) ? null : excluded, _seed, _testShare, overrides)
        {
            Task = Enum.TryParse<TargetTask>(_task, out var task) ? task : null,
        };
        await OnSelect.InvokeAsync(choice);
    }
}
