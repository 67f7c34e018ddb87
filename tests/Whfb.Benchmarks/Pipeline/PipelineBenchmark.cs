using System.Diagnostics;
using Npgsql;
using Whfb.Benchmarks.Insights;

namespace Whfb.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline</c> mode: collector HTTP batches → Ingest (process) → RabbitMQ → Insights (process) → history committed.
/// In one run: raw binary COPY of the very rows Insights stores (into a table shaped like the history, same database),
/// then the pipeline saturated, then paced at half the saturated rate for per-event end-to-end latency.
/// The services are warmed up first with --warmup events through the whole pipeline (not measured), so the measured
/// phases see steady-state services rather than their first seconds of JIT compilation, as a long-running service would.
/// Options: --events N (saturation phase) --records N (per POST) --workers N --seconds N (paced phase) --batch N (Insights batch) --warmup N
/// </summary>
public static class PipelineBenchmark
{
    public const string Mode = "pipeline";

    public static async Task<int> RunAsync(string[] args)
    {
        int Value(string name, int fallback) => Array.IndexOf(args, name) is var at and >= 0 && int.TryParse(args[at + 1], out var v) ? v : fallback;
        var (events, records, workers, seconds, batch) = (Value("--events", 300_000), Value("--records", 100), Value("--workers", 4), Value("--seconds", 30), Value("--batch", 2000));
        var warmup = Value("--warmup", 100_000);
        var tenant = Guid.NewGuid();
        var saturate = PipelinePayloads.Create(tenant, events / records, records);
        Console.WriteLine($"pipeline benchmark: {saturate.Count} POSTs of {records} records, {workers} workers, Insights batches of {batch} ({Load.Average()})");

        await using var services = await PipelineServices.StartAsync(tenant, workers * 2, batch);
        await using var insights = NpgsqlDataSource.Create(services.InsightsDb.ConnectionString);
        var warm = await PipelineLoad.SaturateAsync(services.Collector, insights, PipelinePayloads.Create(tenant, Math.Max(1, warmup / records), records), workers);
        Console.WriteLine($"warm-up: {warm.Events:N0} events through the pipeline in {warm.Committed.TotalSeconds:F1} s ({Load.Average()})");
        var rows = saturate.SelectMany(p => p.Rows).ToList();
        await RawHistoryCopy.CreateTableAsync(insights, rows.Min(r => r.OccurredAt), 1);
        var watch = Stopwatch.StartNew();
        var copied = await RawHistoryCopy.CopyAsync(insights, rows);
        var copyRate = copied / watch.Elapsed.TotalSeconds;
        var copyLoad = Load.Average();
        Console.WriteLine($"raw COPY: {copied:N0} rows in {watch.Elapsed.TotalSeconds:F1} s = {copyRate:N0} rows/s ({copyLoad})");

        var full = await PipelineLoad.SaturateAsync(services.Collector, insights, saturate, workers, warm.Events);
        var fullLoad = Load.Average();
        Console.WriteLine($"saturated: {full.Events:N0} events accepted in {full.Accepted.TotalSeconds:F1} s, committed in {full.Committed.TotalSeconds:F1} s = {full.CommittedPerSecond:N0} events/s, {full.Failures} failed POSTs ({fullLoad})");

        var half = full.CommittedPerSecond / 2;
        var paced = PipelinePayloads.Create(tenant, Math.Max(1, (int)(half * seconds / records)), records);
        var latencies = await PipelineLoad.PaceAsync(services.Collector, insights, paced, half, await PipelineLoad.StoredAsync(insights));
        var pacedLoad = Load.Average();

        PipelineReport.Print(records, workers, batch, (copyRate, copyLoad), (full, fullLoad), (half, latencies, pacedLoad));
        return full.Failures == 0 ? 0 : 1;
    }
}
