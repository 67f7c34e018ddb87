namespace Whfb.Benchmarks.Ingest;

internal static class ResultTable
{
    public static void Print(IngestBenchmarkOptions options, int messagesPerBatch, LoadResult raw, LoadResult ingest, double ingestPeakMiB)
    {
        Console.WriteLine();
        Console.WriteLine($"Each batch = {options.RecordsPerBatch} records = {messagesPerBatch} messages on the bus (one typed event per record), all confirmed.");
        Console.WriteLine();
        Console.WriteLine("| path | events/s | messages/s | batches | failures | p50 ms | p99 ms | peak memory |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row("raw RabbitMQ.Client 7.2.2, confirms", raw, messagesPerBatch, options.RecordsPerBatch, "n/a");
        Row("POST /v1/events via Ingest, confirms", ingest, messagesPerBatch, options.RecordsPerBatch, $"{ingestPeakMiB:0} MiB (Ingest RSS)");
        Console.WriteLine();
        Console.WriteLine($"Ingest / raw = {ingest.EventsPerSecond / raw.EventsPerSecond:0.00}x (target >= 0.6x)");
    }

    private static void Row(string name, LoadResult r, int messagesPerBatch, int recordsPerBatch, string memory) =>
        Console.WriteLine($"| {name} | {r.EventsPerSecond:N0} | {r.EventsPerSecond * messagesPerBatch / recordsPerBatch:N0} | {r.Iterations} | {r.Failures} | {r.Percentile(0.50):0.0} | {r.Percentile(0.99):0.0} | {memory} |");
}
