using MassTransit;
using Whfb.Insights.History;
using Whfb.Insights.Infrastructure;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Messaging;
using Whfb.ServiceDefaults.OpenApi;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Insights.Extensions;

public static class InsightsExtensions
{
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.AddInsightsOptions();
        // Insights only consumes; it publishes nothing, so it needs no outbox.
        builder.AddDatabase<InsightsDbContext>(outbox: false);
        builder.AddWhfbAuthentication();
        builder.AddWhfbOpenApi();
        builder.Services.AddAnalytics();
        builder.AddAlerts();
        builder.Services.AddSingleton<HistoryPartitions>();
        builder.Services.AddSingleton<HistoryWindow>();
        builder.Services.AddSingleton<HistoryQuarantine>();
        builder.Services.AddSingleton<HistoryBatchWriter>();
        builder.Services.AddSingleton<HistoryBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HistoryBatcher>());
        builder.Services.AddHostedService<PartitionMaintenanceService>();

        // One consumer (and its definition) per message: the raw batches and every typed lifecycle event, listed in InsightsConsumers.
        builder.AddMessaging(bus => bus.AddInsightsConsumers());
        return builder;
    }

    /// <summary>The <c>Insights</c> section, checked when the host starts: a wrong setting stops it, naming the setting.</summary>
    public static IHostApplicationBuilder AddInsightsOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InsightsOptions>().Bind(builder.Configuration.GetSection(InsightsOptions.Section))
            .Validate(o => o.PartitionMonthsAhead >= 1, "Insights:PartitionMonthsAhead must be at least 1")
            .Validate(o => o.HistoryRetentionMonths >= 1, "Insights:HistoryRetentionMonths must be at least 1")
            .Validate(o => o.MaxBatchSize >= 1, "Insights:MaxBatchSize must be at least 1")
            .Validate(o => o.BatchWindowMs >= 0, "Insights:BatchWindowMs must not be negative").ValidateOnStart();
        return builder;
    }
}
