namespace Dashboard.Storage;

/// <summary>Storage's services and endpoints: one line each in DashboardApplication.</summary>
public static class StorageSetup
{
    /// <summary>The database (SQLite or PostgreSQL by configuration), the run recorder, room and upload records.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DashboardDatabase>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<DatasetStore>();
        services.AddSingleton<IRoomStore, RoomStore>();
        // In this order: the schema exists before the recorder can write to it.
        services.AddHostedService<StorageStartup>();
        services.AddSingleton<RunRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<RunRecorder>());
        return builder;
    }

    /// <summary>The export downloads and the upload endpoint.</summary>
    public static WebApplication MapStorage(this WebApplication app)
    {
        app.MapExports();
        app.MapUploads();
        return app;
    }
}
