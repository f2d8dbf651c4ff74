using Dashboard.Components.Shared;
using Dashboard.Core.Explanations;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Explanations;

/// <summary>
/// One test row explained by every card of the room that has a result: each explanation is asked for on the server at
/// once (each in a training slot, off the circuit's thread) and drawn as it arrives. A card whose result changes (a new
/// run) is asked again; requests still running when the row changes or the page closes are cancelled.
/// </summary>
public sealed partial class RowExplanationList : IDisposable
{
    private readonly Dictionary<string, Request> _requests = [];

    [Parameter, EditorRequired]
    public RoomView Snapshot { get; set; } = default!;

    [Parameter, EditorRequired]
    public CellRow Row { get; set; } = default!;

    /// <summary>This row's value in each column, for the waterfalls' labels.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? Values { get; set; }

    [Parameter, EditorRequired]
    public Func<string, int, CancellationToken, Task<RowExplanation>> Explain { get; set; } = default!;

    [Inject]
    private ILogger<RowExplanationList> Logger { get; set; } = default!;

    private string Positive => Snapshot.Workspace?.Split.Data.PositiveClass ?? "the positive class";

    /// <summary>How the contributions were computed, as a student reads it.</summary>
    public static string MethodText(ExplanationMethod method) => method switch
    {
        ExplanationMethod.TreeShap => "exact TreeSHAP",
        ExplanationMethod.Linear => "exact linear (weight × distance from the mean)",
        _ => "sampling Shapley estimate, ± one standard error",
    };

    protected override void OnParametersSet()
    {
        var results = Snapshot.State.Algorithms
            .Select(seat => Snapshot.Latest.GetValueOrDefault(seat.AlgorithmId))
            .OfType<AlgorithmResult>()
            .Where(r => r.Status == AlgorithmStatus.Completed && r.Metrics is not null && Row.TestRow < r.TestScores.Count)
            .ToDictionary(r => r.AlgorithmId);
        foreach (var gone in _requests.Keys.Where(id => !results.ContainsKey(id)).ToArray())
        {
            _requests[gone].Cancel();
            _requests.Remove(gone);
        }
        foreach (var (id, result) in results)
        {
            // The same result keeps its explanation; a new run's result is explained again.
            if (_requests.TryGetValue(id, out var known) && ReferenceEquals(known.Scores, result.TestScores)) continue;
            known?.Cancel();
            _requests[id] = Start(id, result);
        }
    }

    private Request Start(string algorithmId, AlgorithmResult result)
    {
        var request = new Request(result.TestScores, result.TestScores[Row.TestRow]);
        _ = RunAsync(algorithmId, request);
        return request;
    }

    private async Task RunAsync(string algorithmId, Request request)
    {
        try
        {
            request.Explanation = await Explain(algorithmId, Row.TestRow, request.Cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            request.Error = UserMessage.From(exception);
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Explaining row {Row} for {Algorithm} failed", Row.DataRow, algorithmId);
            request.Error = UserMessage.ServerFault;
        }
        if (!request.Cancellation.IsCancellationRequested) await InvokeAsync(StateHasChanged);
    }

    public void Dispose()
    {
        foreach (var request in _requests.Values) request.Cancel();
    }

    /// <summary>One card's explanation on its way: for the result whose scores these are.</summary>
    private sealed class Request(IReadOnlyList<double> scores, double score)
    {
        public IReadOnlyList<double> Scores { get; } = scores;

        public double Score { get; } = score;

        public CancellationTokenSource Cancellation { get; } = new();

        public RowExplanation? Explanation { get; set; }

        public string? Error { get; set; }

        public void Cancel()
        {
            Cancellation.Cancel();
            Cancellation.Dispose();
        }
    }
}
