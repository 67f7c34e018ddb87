using MassTransit;
using Whfb.Insights.Consumers;
using Whfb.Insights.Infrastructure;
using Whfb.ServiceDefaults.Database;
using Whfb.ServiceDefaults.Messaging;

namespace Whfb.Insights.Extensions;

public static class InsightsExtensions
{
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase<InsightsDbContext>();
        builder.Services.AddScoped<HistoryWriter>();
        builder.AddMessaging(bus => bus.AddConsumer<DeviceEventsRecordedConsumer, DeviceEventsRecordedConsumerDefinition>());
        return builder;
    }
}
