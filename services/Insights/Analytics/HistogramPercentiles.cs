namespace Whfb.Insights.Analytics;

/// <summary>
/// Exact percentiles of one day's histogram (buckets in ascending order): the p-th percentile is the smallest bucket
/// whose cumulative count reaches p% of the day's total, the same as <c>percentile_disc</c> over the raw values
/// rounded down to their bucket. Integer arithmetic only.
/// </summary>
public static class HistogramPercentiles
{
    public static LatencyRow Of(DateOnly day, IReadOnlyList<(int Bucket, long Count)> buckets)
    {
        var total = buckets.Sum(b => b.Count);
        int[] percents = [50, 90, 99];
        var found = new int[percents.Length];
        var (next, cumulative) = (0, 0L);
        foreach (var (bucket, count) in buckets)
        {
            cumulative += count;
            for (; next < percents.Length && cumulative * 100 >= total * percents[next]; next++)
            {
                found[next] = bucket;
            }
        }

        return new LatencyRow(day, total, found[0], found[1], found[2]);
    }
}
