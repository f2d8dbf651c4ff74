using Dashboard.Components.Pages;
using Dashboard.Core.Rooms;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace Dashboard.Rooms;

/// <summary>
/// At start-up, in the background (start-up and /healthz never wait for it): prepares the default data set
/// (split, profile, column rankings) and trains its baseline into the <see cref="ResultCache"/>, through the
/// same reducer and run code as a room. The first visitor's room then finds everything ready and shows all
/// four cards at once. Then it renders the live page of a room on that data set once, off any circuit, so the
/// page's code is compiled before the first visitor needs it (a cold first render took about a second).
/// Off with Dashboard:WarmStart=false.
/// </summary>
public sealed class WarmStart(RoomRegistry rooms, WorkspaceCache workspaces, IOptions<DashboardOptions> options, IServiceProvider services,
    ILoggerFactory loggers, ILogger<WarmStart> logger) : BackgroundService
{
    /// <summary>The owner of the warm start's training slots (never a room's code: codes have a dash in the middle).</summary>
    private const string Owner = "warm-start";

    /// <summary>Completes when the default baseline is in the cache (or the warm start gave up or is off).</summary>
    public Task Done => _done.Task;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How much HTML the warm-up render of the live page made (0 until it has, or when it stopped early).</summary>
    public int PageCharactersRendered { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host's start goes on at once
        try
        {
            if (options.Value.WarmStart)
            {
                await TrainBaselineAsync(stoppingToken);
                await RenderPageOnceAsync(stoppingToken);
            }
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

    /// <summary>
    /// Opens a room on the default data set (its baseline comes from the cache), renders its page to HTML and closes it.
    /// A warm-up only: a component that cannot render outside a circuit costs its share of the warm-up, nothing else.
    /// </summary>
    private async Task RenderPageOnceAsync(CancellationToken stoppingToken)
    {
        var room = rooms.Create(rooms.DefaultDataset);
        try
        {
            while (room.View is { Workspace: null } or { IsBusy: true })
            {
                await room.NextChange.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
            }
            await using var scope = services.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            {
                navigation.Initialize("http://localhost/", $"http://localhost/room/{room.Code}");
            }
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var page = await renderer.RenderComponentAsync<DashboardPage>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(DashboardPage.WarmUpRoom)] = room,
                }));
                return page.ToHtmlString();
            });
            PageCharactersRendered = html.Length;
            logger.LogInformation("Warm start: the live page rendered once ({Characters:N0} characters of HTML)", html.Length);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Warm start: the page's warm-up render stopped early ({Problem})", exception.Message);
        }
        finally
        {
            await rooms.CloseAsync(room.Code);
        }
    }
}
