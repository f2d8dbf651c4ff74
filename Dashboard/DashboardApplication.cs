using Dashboard.Components;
using Dashboard.Core.Data;
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
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", version = AppVersion.Text }));
        return app;
    }
}
