namespace Whfb.Benchmarks.Insights;

/// <summary>
/// --events N --devices N --days N --samples N (query repetitions) --naive-samples N --batch N (rows per history write)
/// --write-sample N (rows of the writer-vs-COPY comparison, held in memory) --write-rounds N (the sample in N parts,
/// writer and raw COPY alternating, so both see the same load) --keep (leave the database) --reuse NAME
/// (time the queries on a database a --keep run left, without loading)
/// </summary>
public sealed record InsightsBenchOptions(
    int Events, int Devices, int Days, int Samples, int NaiveSamples, int BatchSize, int WriteSample, int WriteRounds, bool Keep, string? Reuse)
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
            Value("--write-rounds", 5), args.Contains("--keep"), Array.IndexOf(args, "--reuse") is var r and >= 0 ? args[r + 1] : null);
    }
}
