using Dashboard.Components;
using Dashboard.Core.Data;
using Dashboard.Hubs;
using Dashboard.Rooms;
using Dashboard.Storage;
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
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<WorkspaceCache>();
        builder.Services.AddSingleton<RoomNotifier>();
        builder.Services.AddSingleton<RoomRegistry>();
        builder.Services.AddHostedService<HubForwarder>();
        builder.Services.AddHostedService<RoomJanitor>();
        builder.AddStorage();
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024)
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions));
        // Closed tabs keep their circuit for minutes: stop promptly on shutdown anyway.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHub<TrainingHub>(TrainingHub.Path);
        app.MapStorage();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", version = AppVersion.Text }));
        return app;
    }
}
