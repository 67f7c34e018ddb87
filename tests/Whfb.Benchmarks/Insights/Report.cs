namespace Whfb.Benchmarks.Insights;

internal static class Report
{
    public static void Print(InsightsBenchOptions options, double writerRate, double copyRate, List<QueryComparison.Pair> pairs)
    {
        Console.WriteLine();
        Console.WriteLine($"## Insights benchmark: {options.Events:N0} events, {options.Devices:N0} devices, {options.Days} days");
        Console.WriteLine($"history writer {writerRate:N0} rows/s vs raw COPY {copyRate:N0} rows/s = {writerRate / copyRate:F2}x (target >= 0.5x)");
        Console.WriteLine();
        Console.WriteLine("| query | p50 ms | p95 ms | naive p50 ms | naive p95 ms | speed-up (p50) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (fast, naive) in pairs)
        {
            var speedUp = naive is null ? "-" : $"{naive.P50Ms / fast.P50Ms:N0}x";
            Console.WriteLine($"| {fast.Name} | {fast.P50Ms:F1} | {fast.P95Ms:F1} | {naive?.P50Ms.ToString("F0") ?? "-"} | {naive?.P95Ms.ToString("F0") ?? "-"} | {speedUp} |");
        }
    }
}
