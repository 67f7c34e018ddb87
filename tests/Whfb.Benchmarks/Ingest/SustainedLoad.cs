using System.Diagnostics;

namespace Whfb.Benchmarks.Ingest;

/// <summary>What one load phase achieved after its warm-up.</summary>
public sealed record LoadResult(long Events, int Iterations, int Failures, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)(p * LatenciesMs.Length))];
}

/// <summary>
/// Runs <c>concurrency</c> workers that repeat one iteration (a request, or a raw batch of publishes) back to back;
/// counts events and latencies only after the warm-up.
/// </summary>
public static class SustainedLoad
{
    /// <param name="iteration">(worker, sequence) → events accepted, 0 for a failure.</param>
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmup, TimeSpan duration, Func<int, int, Task<int>> iteration)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var end = warmup + duration;
        var latencies = new List<double>[concurrency];
        var events = new long[concurrency];
        var failures = new int[concurrency];
        var sequence = 0;

        async Task Worker(int worker)
        {
            latencies[worker] = [];
            while (clock.Elapsed < end)
            {
                var started = clock.Elapsed;
                var accepted = await iteration(worker, Interlocked.Increment(ref sequence));
                if (started < measureFrom)
                    continue;
                latencies[worker].Add((clock.Elapsed - started).TotalMilliseconds);
                events[worker] += accepted;
                failures[worker] += accepted == 0 ? 1 : 0;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => Worker(w))));
        var elapsed = clock.Elapsed - measureFrom;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(events.Sum(), all.Length, failures.Sum(), elapsed, all);
    }
}
