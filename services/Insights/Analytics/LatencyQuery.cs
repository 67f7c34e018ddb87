using Whfb.Insights.History;

namespace Whfb.Insights.Analytics;

/// <summary>Sync latency (Entra registration to AD) percentiles of one day, in minutes (one-minute buckets).</summary>
public sealed record LatencyRow(DateOnly Day, long Keys, int P50Minutes, int P90Minutes, int P99Minutes);

/// <summary>A histogram bucket over a whole range.</summary>
public sealed record HistogramBucket(int Bucket, long Count);

/// <summary>Percentiles from the daily latency histograms (cumulative sums, so no raw latency is read).</summary>
public sealed class LatencyQuery(Db db)
{
    public Task<List<LatencyRow>> PerDayAsync(Guid tenant, DateRange range, CancellationToken ct) => db.QueryAsync("""
        WITH h AS (
            SELECT day, minutes, sum(count) OVER (PARTITION BY day ORDER BY minutes) AS cum, sum(count) OVER (PARTITION BY day) AS total
            FROM latency_daily WHERE tenant_id = @t AND day BETWEEN @from AND @to)
        SELECT day, max(total)::bigint, min(minutes) FILTER (WHERE cum >= 0.5 * total), min(minutes) FILTER (WHERE cum >= 0.9 * total),
               min(minutes) FILTER (WHERE cum >= 0.99 * total)
        FROM h GROUP BY day ORDER BY day
        """, r => new LatencyRow(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)),
        ct, ("t", tenant), ("from", range.From), ("to", range.To));

    /// <summary>Buckets of <c>table</c> (latency_daily in minutes, access_daily in hours) summed over the range.</summary>
    public Task<List<HistogramBucket>> HistogramAsync(string table, Guid tenant, DateRange range, CancellationToken ct)
    {
        var bucket = table == "access_daily" ? "hours" : "minutes";
        return db.QueryAsync(
            $"SELECT {bucket}, sum(count)::bigint FROM {table} WHERE tenant_id = @t AND day BETWEEN @from AND @to GROUP BY 1 ORDER BY 1",
            r => new HistogramBucket(r.GetInt32(0), r.GetInt64(1)), ct, ("t", tenant), ("from", range.From), ("to", range.To));
    }
}
