using System.Diagnostics;
using Npgsql;
using Whfb.Benchmarks.Insights;

namespace Whfb.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline</c> mode: collector HTTP batches → Ingest (process) → RabbitMQ → Insights (process) → history committed.
/// The services are first warmed up through the whole pipeline until their JIT has settled (a chunk of --warmup events
/// compiles fewer than --jit-settled methods in each service, at most --warmup-chunks chunks), so the measured phases
/// see the steady-state code of a long-running service. Then --rounds rounds, each a raw binary COPY of the very rows
/// Insights stores for that round (into a table shaped like the history, same database) followed by the same rows
/// through the pipeline saturated, so both sides of every ratio ran at nearly the same moment; the verdict is the
/// median round. Last, a paced phase at half the median saturated rate for per-event end-to-end latency.
/// Options: --events N (per round) --records N (per POST) --workers N --seconds N (paced phase) --batch N (Insights
/// batch) --warmup N --warmup-chunks N --jit-settled N --rounds N
/// </summary>
public static class PipelineBenchmark
{
    public const string Mode = "pipeline";

    public static async Task<int> RunAsync(string[] args)
    {
        int Value(string name, int fallback) => Array.IndexOf(args, name) is var at and >= 0 && int.TryParse(args[at + 1], out var v) ? v : fallback;
        var (events, records, workers, seconds, batch) = (Value("--events", 150_000), Value("--records", 100), Value("--workers", 4), Value("--seconds", 30), Value("--batch", 2000));
        var (warmup, chunks, settled, rounds) = (Value("--warmup", 50_000), Value("--warmup-chunks", 10), Value("--jit-settled", 200), Value("--rounds", 3));
        var tenant = Guid.NewGuid();
        Console.WriteLine($"pipeline benchmark: {rounds} rounds of {events / records} POSTs of {records} records, {workers} workers, Insights batches of {batch} ({Load.Average()})");

        await using var services = await PipelineServices.StartAsync(tenant, workers * 2, batch);
        await using var insights = NpgsqlDataSource.Create(services.InsightsDb.ConnectionString);
        var stored = await WarmUpAsync(services, insights, tenant, warmup, records, workers, chunks, settled);

        var results = new List<PipelineRound>();
        for (var round = 1; round <= rounds; round++)
        {
            var posts = PipelinePayloads.Create(tenant, events / records, records);
            var result = await PipelineRound.RunAsync(services, insights, posts, workers, stored, round);
            stored += result.Pipeline.Events;
            results.Add(result);
            Console.WriteLine(result.Line());
        }

        var median = results.OrderBy(r => r.Ratio).ElementAt(results.Count / 2);
        var half = median.Pipeline.CommittedPerSecond / 2;
        var paced = PipelinePayloads.Create(tenant, Math.Max(1, (int)(half * seconds / records)), records);
        var latencies = await PipelineLoad.PaceAsync(services.Collector, insights, paced, half, await PipelineLoad.StoredAsync(insights));
        PipelineReport.Print(records, workers, batch, results, median, (half, latencies, Load.Average()));
        return results.Sum(r => r.Pipeline.Failures) == 0 ? 0 : 1;
    }

    /// <summary>Chunks of the pipeline until a chunk compiles fewer than <paramref name="settled"/> methods in each service; the events stored.</summary>
    private static async Task<long> WarmUpAsync(
        PipelineServices services, NpgsqlDataSource insights, Guid tenant, int warmup, int records, int workers, int chunks, int settled)
    {
        using var http = new HttpClient();
        long stored = 0;
        var before = (await JitCompilations.ReadAsync(http, services.Ingest.BaseAddress), await JitCompilations.ReadAsync(http, services.Insights.BaseAddress));
        for (var chunk = 1; chunk <= chunks; chunk++)
        {
            var watch = Stopwatch.StartNew();
            var warm = await PipelineLoad.SaturateAsync(services.Collector, insights, PipelinePayloads.Create(tenant, Math.Max(1, warmup / records), records), workers, stored);
            stored += warm.Events;
            var after = (await JitCompilations.ReadAsync(http, services.Ingest.BaseAddress), await JitCompilations.ReadAsync(http, services.Insights.BaseAddress));
            var (ingest, insight) = (after.Item1 - before.Item1, after.Item2 - before.Item2);
            Console.WriteLine($"warm-up {chunk}: {warm.Events:N0} events in {watch.Elapsed.TotalSeconds:F1} s; JIT compiled {ingest:N0} methods in Ingest, {insight:N0} in Insights ({Load.Average()})");
            before = after;
            if (ingest < settled && insight < settled)
            {
                return stored;
            }
        }

        Console.WriteLine($"warm-up: the JIT had not settled after {chunks} chunks; measuring anyway");
        return stored;
    }
}
