namespace Whfb.Benchmarks.Insights;

/// <summary>
/// --events N --devices N --days N --samples N (query repetitions) --naive-samples N --batch N (rows per history write)
/// --write-sample N (rows of the writer-vs-COPY comparison, held in memory) --keep (leave the database) --reuse NAME
/// (time the queries on a database a --keep run left, without loading)
/// </summary>
public sealed record InsightsBenchOptions(int Events, int Devices, int Days, int Samples, int NaiveSamples, int BatchSize, int WriteSample, bool Keep, string? Reuse)
{
    public static InsightsBenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var v) ? v : fallback;
        }

        return new InsightsBenchOptions(Value("--events", 10_000_000), Value("--devices", 200_000), Value("--days", 90),
            Value("--samples", 30), Value("--naive-samples", 3), Value("--batch", 5000), Value("--write-sample", 1_000_000),
            args.Contains("--keep"), Array.IndexOf(args, "--reuse") is var r and >= 0 ? args[r + 1] : null);
    }
}
