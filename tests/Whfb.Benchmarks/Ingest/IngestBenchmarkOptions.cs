namespace Whfb.Benchmarks.Ingest;

/// <param name="Concurrency">Requests (or raw batches) in flight at once.</param>
public sealed record IngestBenchmarkOptions(int RecordsPerBatch, int Concurrency, TimeSpan Warmup, TimeSpan Duration)
{
    /// <summary>--records N --concurrency N --warmup SECONDS --seconds SECONDS</summary>
    public static IngestBenchmarkOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var v) ? v : fallback;
        }

        return new IngestBenchmarkOptions(Value("--records", 500), Value("--concurrency", 8),
            TimeSpan.FromSeconds(Value("--warmup", 5)), TimeSpan.FromSeconds(Value("--seconds", 20)));
    }
}
