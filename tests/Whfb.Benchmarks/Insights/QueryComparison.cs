using Npgsql;
using Whfb.Insights.Analytics;

namespace Whfb.Benchmarks.Insights;

/// <summary>Each analytics query (projections and rollups) and its naive counterpart over the raw history.</summary>
public static class QueryComparison
{
    public sealed record Pair(QueryTiming Fast, QueryTiming? Naive);

    public static async Task<List<Pair>> RunAsync(NpgsqlDataSource dataSource, Guid tenant, InsightsBenchOptions options)
    {
        var db = new Db(dataSource);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var range = new DateRange(today.AddDays(-options.Days - 30), today);
        var (from, to) = (new DateTimeOffset(range.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), DateTimeOffset.UtcNow.AddDays(1));
        var device = new Guid(7, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9);
        var ct = CancellationToken.None;

        Task Naive(string sql) => db.QueryAsync(sql, r => r.GetValue(0), ct, ("t", tenant), ("from", from), ("to", to));
        async Task<Pair> Both(string name, Func<Task> fast, string? naiveSql) => new(
            await QueryTiming.MeasureAsync(name, options.Samples, fast),
            naiveSql is null ? null : await QueryTiming.MeasureAsync(name, options.NaiveSamples, () => Naive(naiveSql)));

        return
        [
            await Both("funnel per ring", () => new FunnelQuery(db).RunAsync(tenant, range, ["ring"], ct), NaiveQueries.Funnel),
            await Both("funnel per ring, day, domain", () => new FunnelQuery(db).RunAsync(tenant, range, ["ring", "day", "domain"], ct), null),
            await Both("sync latency p50/p90/p99 per day", () => new LatencyQuery(db).PerDayAsync(tenant, range, ct), NaiveQueries.Latency),
            await Both("top failure reasons", () => new FailuresQuery(db).RunAsync(tenant, range, 20, ct), NaiveQueries.Failures),
            await Both("stuck keys", () => new KeysQuery(db).InStateAsync(tenant, "stuck", 500, ct), NaiveQueries.StuckKeys),
            await Both("orphaned keys", () => new KeysQuery(db).InStateAsync(tenant, "orphaned", 500, ct), null),
            await Both("time to on-prem access", () => new LatencyQuery(db).HistogramAsync("access_daily", tenant, range, ct), NaiveQueries.Access),
            await Both("ring progress", () => new RingsQuery(db).RunAsync(tenant, ct), null),
            await Both("device timeline (history index)", () => new TimelineQuery(db).DeviceAsync(tenant, device, 200, ct), null),
        ];
    }
}
