using System.Diagnostics;
using Npgsql;
using Whfb.Insights.Model;

namespace Whfb.Benchmarks.Insights;

/// <summary>
/// History writer against raw binary COPY of the very same rows, both from memory (so generating the fleet is timed
/// in neither): two copies of the sample are made before either path serializes a payload, so each pays for its own.
/// </summary>
public sealed record WriteThroughput(long Rows, double WriterRowsPerSecond, double CopyRowsPerSecond)
{
    public double Ratio => WriterRowsPerSecond / CopyRowsPerSecond;

    public static async Task<WriteThroughput> MeasureAsync(NpgsqlDataSource dataSource, IReadOnlyList<HistoryRow> sample, int batchSize, int days)
    {
        var copies = sample.Select(r => r with { }).ToList();
        var writer = await BatcherLoad.RunAsync(dataSource, sample, batchSize);
        Console.WriteLine($"history writer: {sample.Count:N0} rows in {writer.TotalSeconds:F1} s = {sample.Count / writer.TotalSeconds:N0} rows/s ({Load.Average()})");

        await RawHistoryCopy.CreateTableAsync(dataSource, sample.Min(r => r.OccurredAt), days);
        var watch = Stopwatch.StartNew();
        var copied = await RawHistoryCopy.CopyAsync(dataSource, copies);
        var copy = watch.Elapsed;
        Console.WriteLine($"raw COPY: {copied:N0} rows in {copy.TotalSeconds:F1} s = {copied / copy.TotalSeconds:N0} rows/s ({Load.Average()})");
        await using var drop = dataSource.CreateCommand("DROP TABLE history_copy");
        await drop.ExecuteNonQueryAsync();
        return new WriteThroughput(copied, sample.Count / writer.TotalSeconds, copied / copy.TotalSeconds);
    }
}

/// <summary>The 1-minute load average, recorded with every measurement (the machine is shared).</summary>
public static class Load
{
    public static string Average() => File.Exists("/proc/loadavg") ? $"load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}" : "load n/a";
}
