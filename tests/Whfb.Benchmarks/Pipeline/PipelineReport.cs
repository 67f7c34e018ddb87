namespace Whfb.Benchmarks.Pipeline;

internal static class PipelineReport
{
    public static void Print(int records, int workers, int batch, (double Rate, string Load) copy, (Saturation Result, string Load) full,
        (double Rate, double[] LatenciesMs, string Load) paced)
    {
        double P(double p) => paced.LatenciesMs.Length == 0 ? double.NaN : paced.LatenciesMs[Math.Min(paced.LatenciesMs.Length - 1, (int)(p * paced.LatenciesMs.Length))];
        Console.WriteLine();
        Console.WriteLine($"## Pipeline benchmark ({DateTime.UtcNow:u}, {Environment.ProcessorCount} cores): POSTs of {records} records, {workers} workers, Insights batches of {batch}");
        Console.WriteLine();
        Console.WriteLine("| measurement | value | load |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| raw COPY of the same rows | {copy.Rate:N0} rows/s | {copy.Load} |");
        Console.WriteLine($"| pipeline, saturated ({full.Result.Events:N0} events, accepted in {full.Result.Accepted.TotalSeconds:F1} s) | {full.Result.CommittedPerSecond:N0} events/s committed | {full.Load} |");
        Console.WriteLine($"| pipeline / raw COPY (target >= 0.5x) | {full.Result.CommittedPerSecond / copy.Rate:F2}x | |");
        Console.WriteLine($"| paced at {paced.Rate:N0} events/s ({paced.LatenciesMs.Length:N0} events): end-to-end p50 / p95 / p99 / max | " +
            $"{P(0.5):N0} / {P(0.95):N0} / {P(0.99):N0} / {paced.LatenciesMs.LastOrDefault():N0} ms | {paced.Load} |");
    }
}
