using Whfb.Insights.Analytics;

namespace Whfb.Insights.Extensions;

public static class AnalyticsExtensions
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services) => services
        .AddSingleton<Db>()
        .AddSingleton<FunnelQuery>()
        .AddSingleton<LatencyQuery>()
        .AddSingleton<FailuresQuery>()
        .AddSingleton<TimelineQuery>()
        .AddSingleton<KeysQuery>()
        .AddSingleton<RingsQuery>();
}
