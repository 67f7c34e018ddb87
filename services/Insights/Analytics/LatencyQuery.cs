using Whfb.Insights.History;

namespace Whfb.Insights.Analytics;

/// <summary>Sync latency (Entra registration to AD) percentiles of one day, in minutes (one-minute buckets).</summary>
public sealed record LatencyRow(DateOnly Day, long Keys, int P50Minutes, int P90Minutes, int P99Minutes);

/// <summary>A histogram bucket over a whole range.</summary>
public sealed record HistogramBucket(int Bucket, long Count);

/// <summary>
/// Percentiles from the daily latency histograms: one index range scan of the buckets in order, the cumulative sums
/// done here (<see cref="HistogramPercentiles"/>), so no raw latency is read and the database runs no window aggregate.
/// </summary>
public sealed class LatencyQuery(Db db)
{
    public async Task<List<LatencyRow>> PerDayAsync(Guid tenant, DateRange range, CancellationToken ct)
    {
        var buckets = await db.QueryAsync(
            "SELECT day, minutes, count FROM latency_daily WHERE tenant_id = @t AND day BETWEEN @from AND @to ORDER BY day, minutes",
            r => (Day: r.GetFieldValue<DateOnly>(0), Bucket: r.GetInt32(1), Count: (long)r.GetInt32(2)),
            ct, ("t", tenant), ("from", range.From), ("to", range.To));
        return buckets.GroupBy(b => b.Day).Select(day => HistogramPercentiles.Of(day.Key, day.Select(b => (b.Bucket, b.Count)).ToList())).ToList();
    }

    /// <summary>Buckets of <c>table</c> (latency_daily in minutes, access_daily in hours) summed over the range.</summary>
    public Task<List<HistogramBucket>> HistogramAsync(string table, Guid tenant, DateRange range, CancellationToken ct)
    {
        var bucket = table == "access_daily" ? "hours" : "minutes";
        return db.QueryAsync(
            $"SELECT {bucket}, sum(count)::bigint FROM {table} WHERE tenant_id = @t AND day BETWEEN @from AND @to GROUP BY 1 ORDER BY 1",
            r => new HistogramBucket(r.GetInt32(0), r.GetInt64(1)), ct, ("t", tenant), ("from", range.From), ("to", range.To));
    }
}
