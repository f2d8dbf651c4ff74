using Dashboard.Core.Rooms;
using Microsoft.Extensions.Options;

namespace Dashboard.Rooms;

/// <summary>
/// At start-up, in the background (start-up and /healthz never wait for it): prepares the default data set
/// (split, profile, column rankings) and trains its baseline into the <see cref="ResultCache"/>, through the
/// same reducer and run code as a room. The first visitor's room then finds everything ready and shows all
/// four cards at once. Off with Dashboard:WarmStart=false.
/// </summary>
public sealed class WarmStart(RoomRegistry rooms, WorkspaceCache workspaces, IOptions<DashboardOptions> options, ILogger<WarmStart> logger)
    : BackgroundService
{
    /// <summary>The owner of the warm start's training slots (never a room's code: codes have a dash in the middle).</summary>
    private const string Owner = "warm-start";

    /// <summary>Completes when the default baseline is in the cache (or the warm start gave up or is off).</summary>
    public Task Done => _done.Task;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host's start goes on at once
        try
        {
            if (options.Value.WarmStart) await TrainBaselineAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // A warm start that fails costs the first visitor a wait, nothing else: the room tries again and says why.
            logger.LogWarning("Warm start of {Dataset} failed: {Problem}", rooms.DefaultDataset.Source, Components.Shared.UserMessage.From(exception));
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task TrainBaselineAsync(CancellationToken stoppingToken)
    {
        var choice = rooms.DefaultDataset;
        var workspace = await workspaces.GetAsync(choice, stoppingToken);
        var now = DateTimeOffset.UtcNow;
        var opened = RoomReducer.Apply(RoomView.Opening(Owner, choice, null, now), new DatasetReady(RoomRules.SystemMember, workspace, choice), now);
        var ended = new TaskCompletionSource<RunReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        // No room explains these results (its models are let go with it); the rooms that reuse them fit again when asked.
        var runs = new RoomRuns(Owner, rooms.Loop, rooms.Slots, rooms.Cache, new RoomModels(), report =>
        {
            if (report is RunEnded or RunStopped or RunBroken) ended.TrySetResult(report);
        }, logger, stoppingToken);
        runs.Start(opened.Effects.OfType<StartRun>().Single());
        var outcome = await ended.Task.WaitAsync(stoppingToken);
        logger.LogInformation("Warm start: {Dataset} prepared and its baseline trained ({Outcome})", workspace.Title, outcome.GetType().Name);
    }
}
