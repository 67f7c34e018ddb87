using Whfb.DeviceReports.Records;
using Whfb.DeviceReports.Records.Xml;
using Whfb.Ingest.Apis;
using Whfb.Ingest.Infrastructure;
using Whfb.Ingest.Publishing;
using Whfb.Ingest.Security;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Messaging;

namespace Whfb.Ingest.Extensions;

public static class IngestExtensions
{
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IngestOptions.Section);
        builder.Services.AddOptions<IngestOptions>().Bind(section)
            .Validate(o => o.EventsPerMessage >= 1, "Ingest:EventsPerMessage must be at least 1")
            .Validate(o => o.ConcurrentPublishes >= 1, "Ingest:ConcurrentPublishes must be at least 1")
            .Validate(o => o.MaxMessageBytes >= 4 * BatchMessages.EnvelopeReserve, $"Ingest:MaxMessageBytes must be at least {4 * BatchMessages.EnvelopeReserve}")
            .Validate(o => o.PublishQueueRequests >= 1 && o.PublishQueueBytes >= 1, "Ingest:PublishQueueRequests and PublishQueueBytes must be positive")
            .Validate(o => o.RequestsPerSecondPerDeviceKey >= 1 && o.BurstPerDeviceKey >= 1, "Ingest:RequestsPerSecondPerDeviceKey and BurstPerDeviceKey must be at least 1")
            .Validate(o => o.KeyLastUseInterval >= TimeSpan.Zero, "Ingest:KeyLastUseInterval must not be negative")
            .Validate(o => o.MaxEventAge > TimeSpan.Zero, "Ingest:MaxEventAge must be positive").ValidateOnStart();
        var options = section.Get<IngestOptions>() ?? new IngestOptions();

        // Ingest publishes with broker confirms before answering the collector, never through the outbox.
        builder.AddDatabase<IngestDbContext>(outbox: false);
        builder.AddMessaging();
        builder.AddCollectorAuthentication();
        builder.Services.AddSingleton(new CollectorRecordReaderOptions { MaxRecords = options.MaxRecords, MaxAge = options.MaxEventAge });
        builder.Services.AddSingleton(sp => new CollectorRecordReader(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CollectorRecordReaderOptions>()));
        builder.Services.AddSingleton(sp => new EventXmlReader(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CollectorRecordReaderOptions>()));
        builder.Services.AddSingleton<ConfirmedPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfirmedPublisher>());
        return builder;
    }

    /// <summary>Authentication, then authorization (which signs the collector in), then the per-key rate limiter.</summary>
    public static WebApplication UseIngestSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
