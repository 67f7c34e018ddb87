using Whfb.Insights.Analytics;
using Xunit;

namespace Whfb.Insights.Tests.Analytics;

public sealed class HistogramPercentilesTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    [Fact]
    public void Percentiles_are_the_smallest_buckets_whose_cumulative_count_reaches_them()
    {
        var row = HistogramPercentiles.Of(Day, [(30, 50), (31, 40), (90, 9), (150, 1)]);

        Assert.Equal(new LatencyRow(Day, 100, 30, 31, 90), row);
    }

    [Fact]
    public void Percentiles_equal_percentile_disc_over_the_raw_values()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var buckets = Enumerable.Range(0, random.Next(1, 40)).Select(b => (Bucket: b * 3 + random.Next(3), Count: (long)random.Next(1, 50))).ToList();
            var values = buckets.SelectMany(b => Enumerable.Repeat(b.Bucket, (int)b.Count)).ToList();
            int Disc(int percent) => values[((percent * values.Count) + 99) / 100 - 1]; // percentile_disc: ceil(p * n)-th value

            Assert.Equal(new LatencyRow(Day, values.Count, Disc(50), Disc(90), Disc(99)), HistogramPercentiles.Of(Day, buckets));
        }
    }
}
