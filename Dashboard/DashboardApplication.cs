using Dashboard.Cluster;
using Dashboard.Components;
using Dashboard.Core.Data;
using Dashboard.Hubs;
using Dashboard.Rooms;
using Dashboard.Security;
using Dashboard.Storage;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;

namespace Dashboard;

/// <summary>Everything the web host needs, so Program.cs stays a few lines.</summary>
public static class DashboardApplication
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        // Serve the packages' static files (MudBlazor, Plotly) straight from the build output in every
        // environment, so `dotnet run` works without a launch profile or a publish step.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddOptions<DataLimits>().Bind(builder.Configuration.GetSection("DataLimits")).ValidateOnStart();
        builder.Services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection("Dashboard")).ValidateDataAnnotations().ValidateOnStart()
            // A relative data folder lives under the app's content root, not wherever the shell happens to be.
            .PostConfigure(o => o.DataFolder = Path.GetFullPath(o.DataFolder, builder.Environment.ContentRootPath));
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection("Security")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClientLimits>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CircuitClient>();
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<ServerDatasets>();
        builder.Services.AddSingleton<WorkspaceCache>();
        builder.Services.AddSingleton<RoomNotifier>();
        builder.Services.AddSingleton(services =>
        {
            var settings = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value;
            return new Core.Rooms.ResultCache(settings.ResultCacheEntries, settings.PreparedRunCacheEntries);
        });
        builder.Services.AddSingleton<RoomRegistry>();
        // Storage first: its start-up check runs before any other service starts (the silo too), so a data
        // folder the server cannot use stops the start cleanly.
        builder.AddStorage();
        builder.AddRoomCluster();
        builder.Services.AddHostedService<HubForwarder>();
        builder.Services.AddHostedService<RoomJanitor>();
        builder.Services.AddHostedService<WarmStart>();
        builder.Services.AddSingleton<HubErrorFilter>();
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = 64 * 1024;
                // Never the framework's exception text, not even in Development (it would show "HubException: ...").
                o.EnableDetailedErrors = false;
                o.AddFilter<HubErrorFilter>();
            })
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions));
        // Closed tabs keep their circuit for minutes: stop promptly on shutdown anyway.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        // A start that fails on storage is told in one line by Program; the host would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // A sentence in the response, never an empty body: the handler writes it itself (no re-execution
            // of a route, which a POST would miss).
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponses.WriteAsync });
        }
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHub<TrainingHub>(TrainingHub.Path);
        app.MapStorage();
        app.MapGet(ErrorResponses.Path, ErrorResponses.PageAsync);
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", version = AppVersion.Text }));
        return app;
    }
}
