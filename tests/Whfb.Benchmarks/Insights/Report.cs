namespace Whfb.Benchmarks.Insights;

internal static class Report
{
    public static void Print(InsightsBenchOptions options, WriteThroughput? write, LoadSummary? load, List<QueryComparison.Pair> pairs)
    {
        Console.WriteLine();
        Console.WriteLine($"## Insights benchmark: {options.Events:N0} events, {options.Devices:N0} devices, {options.Days} days ({DateTime.UtcNow:u}, {Environment.ProcessorCount} cores)");
        if (write is not null && load is not null)
        {
            Console.WriteLine($"history writer {write.WriterRowsPerSecond:N0} rows/s vs raw COPY {write.CopyRowsPerSecond:N0} rows/s of the same {write.Rows:N0} rows = {write.Ratio:F2}x (target >= 0.5x); " +
                $"rounds {string.Join(", ", write.RoundRatios.Select(r => $"{r:F2}x"))}");
            Console.WriteLine($"whole fleet: {load.Rows:N0} rows, the rest after the sample loaded at {(load.Rows - write.Rows) / load.Seconds:N0} rows/s ({load.Load})");
        }

        Console.WriteLine();
        Console.WriteLine("| query | p50 ms | p95 ms | load | naive p50 ms | naive p95 ms | naive load | speed-up (p50) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (fast, naive) in pairs)
        {
            var speedUp = naive is null ? "-" : $"{naive.P50Ms / fast.P50Ms:N0}x";
            Console.WriteLine($"| {fast.Name} | {fast.P50Ms:F1} | {fast.P95Ms:F1} | {fast.Load} | {naive?.P50Ms.ToString("F0") ?? "-"} | " +
                $"{naive?.P95Ms.ToString("F0") ?? "-"} | {naive?.Load ?? "-"} | {speedUp} |");
        }
    }
}
