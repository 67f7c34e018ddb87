using System.Diagnostics;

namespace Whfb.Benchmarks.Insights;

/// <summary>p50/p95 of repeated runs of one query (after one warm-up run).</summary>
public sealed record QueryTiming(string Name, double P50Ms, double P95Ms, int Samples, string Load)
{
    public static async Task<QueryTiming> MeasureAsync(string name, int samples, Func<Task> run)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new QueryTiming(name, Percentile(times, 0.5), Percentile(times, 0.95), samples, Insights.Load.Average());
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
