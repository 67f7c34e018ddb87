using MassTransit;
using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Health;
using OpenTelemetry.Metrics;
using Whfb.GraphClient.Access;
using Whfb.SyncTracker.Graph.Access;
using Whfb.ServiceDefaults.Database;
using Whfb.SyncTracker.ActiveDirectory;
using Whfb.SyncTracker.Graph;
using Whfb.ServiceDefaults.Messaging;
using Whfb.ServiceDefaults.Security;
using Whfb.SyncTracker.Infrastructure;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Extensions;

public static class SyncTrackerExtensions
{
    /// <summary>Label sets kept per metric stream; more go to the overflow point (otel.metric.overflow).</summary>
    public const int MetricCardinalityLimit = 100;

    public static IHostApplicationBuilder AddSyncTracker(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SyncTrackerOptions>(builder.Configuration.GetSection(SyncTrackerOptions.Section));
        builder.AddDatabase<SyncTrackerDbContext>();
        builder.Services.AddSingleton<SyncMetrics>();
        builder.Services.AddSingleton<SyncCoordinator>();
        builder.AddWhfbAuthentication();
        builder.Services.AddHostedService<SyncEvaluationService>();
        builder.Services.AddOptions<AdScanOptions>().Bind(builder.Configuration.GetSection(AdScanOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<AdScanOptionsSetup>();
        builder.Services.AddSingleton<IPostConfigureOptions<AdScanOptions>>(s => s.GetRequiredService<AdScanOptionsSetup>());
        builder.Services.AddSingleton<IValidateOptions<AdScanOptions>>(s => s.GetRequiredService<AdScanOptionsSetup>());
        builder.Services.AddSingleton<DirectoryHealth>();
        builder.Services.AddHealthChecks().AddCheck<DirectoryHealthCheck>("directory", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddHostedService<AdScanService>();
        builder.Services.AddDirectoryMetrics();
        builder.Services.AddOptions<GraphInventoryOptions>().Bind(builder.Configuration.GetSection(GraphInventoryOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GraphInventoryOptions>, GraphInventoryOptionsValidation>();
        builder.Services.AddSingleton<GraphTraffic>();
        builder.Services.AddSingleton<GraphAccessState>().AddSingleton<GraphAccessStore>().AddSingleton<GraphAccessGate>();
        builder.Services.AddHealthChecks().AddCheck<GraphAccessHealthCheck>("graph-access", tags: [HealthEndpoints.ReadyTag, HealthEndpoints.DetailsTag]);
        builder.Services.AddSingleton<GraphInventoryService>();
        builder.Services.AddHostedService(s => s.GetRequiredService<GraphInventoryService>());

        // Every metric stream preallocates CardinalityLimit points (2,000 by default) in arrays on the large object heap,
        // live for the process's lifetime; none of this service's streams has more than a few dozen label sets.
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics =>
            metrics.AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricCardinalityLimit }));

        // One consumer (and its definition) per message, listed in SyncTrackerConsumers.
        builder.AddMessaging(bus => bus.AddSyncTrackerConsumers());
        return builder;
    }
}
