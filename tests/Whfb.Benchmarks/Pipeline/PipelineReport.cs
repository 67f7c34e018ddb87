namespace Whfb.Benchmarks.Pipeline;

internal static class PipelineReport
{
    public static void Print(int records, int workers, int batch, IReadOnlyList<PipelineRound> rounds, PipelineRound median,
        (double Rate, double[] LatenciesMs, string Load) paced)
    {
        double P(double p) => paced.LatenciesMs.Length == 0 ? double.NaN : paced.LatenciesMs[Math.Min(paced.LatenciesMs.Length - 1, (int)(p * paced.LatenciesMs.Length))];
        Console.WriteLine();
        Console.WriteLine($"## Pipeline benchmark ({DateTime.UtcNow:u}, {Environment.ProcessorCount} cores): POSTs of {records} records, {workers} workers, Insights batches of {batch}");
        Console.WriteLine();
        Console.WriteLine("| round | raw COPY of the same rows (CPU per row: client + PostgreSQL) | pipeline, saturated | pipeline / raw COPY | CPU µs per event: Ingest / Insights / RabbitMQ / PostgreSQL = total (idle) | events per broker message |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|");
        foreach (var r in rounds)
        {
            Console.WriteLine($"| {r.Number} | {r.CopyRate:N0} rows/s ({r.CopyMicrosPerRow:F0} µs; {r.CopyLoad}) | {r.Pipeline.CommittedPerSecond:N0} events/s ({r.SaturatedLoad}) | {r.Ratio:F2}x | " +
                $"{r.Cpu.PerEvent(r.Pipeline.Events)} | {r.EventsPerMessage:F0} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Median round: **{median.Ratio:F2}x** raw COPY (target >= 0.5x). Paced at {paced.Rate:N0} events/s ({paced.LatenciesMs.Length:N0} events, {paced.Load}): " +
            $"end-to-end p50 / p95 / **p99** / max {P(0.5):N0} / {P(0.95):N0} / **{P(0.99):N0}** / {paced.LatenciesMs.LastOrDefault():N0} ms (target p99 < 1 s).");
    }
}
