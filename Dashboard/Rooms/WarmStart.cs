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
/// page's code is compiled before the first visitor needs it (a cold first render took about a second), and
/// rehearses what opening that visitor's room goes through: storage's writes and the cluster's room path.
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

    /// <summary>
    /// A code no room can have ('0' is not in <see cref="RoomCode.Alphabet"/>, so no user can open it either): the room
    /// lookup the warm start rehearses.
    /// </summary>
    public const string RehearsalCode = "000-000";

    /// <summary>
    /// Whether the cluster's part of opening a room was rehearsed: a room grain activated for a code no room has, and a
    /// room's messages and saved state serialized.
    /// </summary>
    public bool ClusterRehearsed { get; private set; }

    /// <summary>Whether storage's write path was rehearsed (a run and a room written and rolled back).</summary>
    public bool StorageRehearsed { get; private set; }

    /// <summary>How much HTML the warm-up render of the live page made (0 until it has, or when it stopped early).</summary>
    public int PageCharactersRendered { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host's start goes on at once
        try
        {
            if (options.Value.WarmStart)
            {
                var (trained, events) = await TrainBaselineAsync(stoppingToken);
                await RenderPageOnceAsync(trained, stoppingToken);
                await RehearseStorageAsync(events, stoppingToken);
                await RehearseClusterAsync(trained, stoppingToken);
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

    /// <summary>
    /// Trains the default baseline into the cache; answers the view a room would have with it (for the warm-up render) and
    /// the events a room would have published (for the storage rehearsal).
    /// </summary>
    private async Task<(RoomView View, IReadOnlyList<RoomEvent> Events)> TrainBaselineAsync(CancellationToken stoppingToken)
    {
        var choice = rooms.DefaultDataset;
        var workspace = await workspaces.GetAsync(choice, stoppingToken);
        var now = DateTimeOffset.UtcNow;
        var opened = RoomReducer.Apply(RoomView.Opening(Owner, choice, null, now), new DatasetReady(RoomRules.SystemMember, workspace, choice), now);
        var view = opened.View;
        var events = new List<RoomEvent>(Published(opened));
        var gate = new Lock();
        var ended = new TaskCompletionSource<RunReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        // No room explains these results (its models are let go with it); the rooms that reuse them fit again when asked.
        var runs = new RoomRuns(Owner, rooms.Loop, rooms.Slots, rooms.Cache, new RoomModels(), report =>
        {
            lock (gate)
            {
                var step = RoomReducer.Apply(view, report, DateTimeOffset.UtcNow);
                view = step.View;
                events.AddRange(Published(step));
            }
            if (report is RunEnded or RunStopped or RunBroken) ended.TrySetResult(report);
        }, logger, stoppingToken);
        runs.Start(opened.Effects.OfType<StartRun>().Single());
        var outcome = await ended.Task.WaitAsync(stoppingToken);
        logger.LogInformation("Warm start: {Dataset} prepared and its baseline trained ({Outcome})", workspace.Title, outcome.GetType().Name);
        lock (gate) return (view, [.. events]);
    }

    private static IEnumerable<RoomEvent> Published(RoomStep step) => step.Effects.OfType<Publish>().Select(p => p.Event);

    /// <summary>
    /// Writes the baseline's run and room to storage in transactions that are rolled back (nothing is stored): the first
    /// visitor's room stores its baseline while its page is drawn, and compiling the write path then took a second of CPU.
    /// </summary>
    private async Task RehearseStorageAsync(IReadOnlyList<RoomEvent> events, CancellationToken stoppingToken)
    {
        if (services.GetService<Storage.RunRecorder>() is not { } recorder) return;
        try
        {
            await recorder.RehearseAsync(events, stoppingToken);
            StorageRehearsed = true;
            logger.LogInformation("Warm start: storage's write path rehearsed (nothing stored)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Warm start: the storage rehearsal stopped early ({Problem})", exception.Message);
        }
    }

    /// <summary>
    /// Asks the cluster for a room that does not exist: a room grain is activated, reads its state and the run storage,
    /// answers "no such room" and is let go. Making the first visitor's room through the same grain machinery took
    /// 0.23 s before this rehearsal, 35–140 ms after. Then copies a room's data set, state and an entry as grain calls do,
    /// and puts a room in the form its grain saves (nothing is sent or stored): the first room's first save comes just
    /// after its first render, and a member on another server enters through a copied command.
    /// </summary>
    private async Task RehearseClusterAsync(RoomView view, CancellationToken stoppingToken)
    {
        if (services.GetService<Cluster.RoomDirectory>() is not { } directory) return;
        try
        {
            var opened = await directory.OpenAsync(RehearsalCode, dataset: null, restored: null, createOnly: false).WaitAsync(stoppingToken);
            var copier = services.GetRequiredService<Orleans.Serialization.DeepCopier>();
            copier.Copy(view.State.Dataset);
            copier.Copy(view.State);
            copier.Copy<RoomCommand>(new EnterRoom(RoomRules.SystemMember, "Guest", AsHost: true));
            Cluster.RoomGrain.SavedForm(view);
            ClusterRehearsed = !opened;
            logger.LogInformation("Warm start: the cluster's room path rehearsed ({Answer})", opened ? "a room answered" : "no such room");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Warm start: the cluster rehearsal stopped early ({Problem})", exception.Message);
        }
    }

    /// <summary>
    /// Renders the live page of a room showing the baseline just trained, in its layout, to HTML, off any circuit. The room is a view only
    /// (<see cref="WarmUpRoom"/>): nothing is entered, published or stored. A warm-up only: a component that cannot render
    /// outside a circuit costs its share of the warm-up, nothing else.
    /// </summary>
    private async Task RenderPageOnceAsync(RoomView view, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            {
                navigation.Initialize("http://localhost/", "http://localhost/");
            }
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
            using var room = new WarmUpRoom(view, rooms.Slots);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                // Inside its layout, as a visitor gets it: the layout's own components (theme, popover provider, app bar) are
                // compiled too, and the page's popovers find their provider.
                RenderFragment page = builder =>
                {
                    builder.OpenComponent<DashboardPage>(0);
                    builder.AddComponentParameter(1, nameof(DashboardPage.WarmUpRoom), room);
                    builder.CloseComponent();
                };
                var layout = await renderer.RenderComponentAsync<Components.Layout.MainLayout>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(LayoutComponentBase.Body)] = page,
                }));
                return layout.ToHtmlString();
            }).WaitAsync(stoppingToken);
            PageCharactersRendered = html.Length;
            logger.LogInformation("Warm start: the live page rendered once ({Characters:N0} characters of HTML)", html.Length);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Warm start: the page's warm-up render stopped early ({Problem})", exception.Message);
        }
    }

    /// <summary>A room that is only a view, for the warm-up render: it takes no command and never changes.</summary>
    private sealed class WarmUpRoom : IRoom, IDisposable
    {
        private readonly CancellationTokenSource _closed = new();

        public WarmUpRoom(RoomView view, Core.Training.TrainingSlots slots)
        {
            View = view;
            Sweeps = new RoomSweeps(this, _closed.Token);
            Thresholds = new ThresholdSearches(Code, slots, 1);
        }

        public string Code => View.State.Code;

        public RoomView View { get; }

        public Task NextChange => Task.Delay(Timeout.Infinite, _closed.Token);

        public RoomSweeps Sweeps { get; }

        public ThresholdSearches Thresholds { get; }

        public Task<string?> ExecuteAsync(RoomCommand command) => Task.FromResult<string?>("The warm-up render takes no commands.");

        public Task<Core.Explanations.RowExplanation> ExplainAsync(string algorithmId, int testRow, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The warm-up render explains nothing.");

        public void Dispose()
        {
            _closed.Cancel();
            _closed.Dispose();
            Thresholds.Dispose();
        }
    }
}
