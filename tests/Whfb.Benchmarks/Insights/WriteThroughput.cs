using System.Diagnostics;
using Npgsql;
using Whfb.Insights.Model;

namespace Whfb.Benchmarks.Insights;

/// <summary>
/// History writer against raw binary COPY of the very same rows, both from memory (so generating the fleet is timed
/// in neither): two copies of the sample are made before either path serializes a payload, so each pays for its own.
/// The sample is written in rounds, writer then raw COPY (one COPY per round), so both paths see the same load on a
/// shared machine; the ratio is of the totals. Both paths first write a small warm-up fleet of another tenant (the
/// writer in small batches, so its per-batch code is compiled too; the raw one into its table, then truncated), so
/// neither pays the JIT for the other, and each round's rows are released once written.
/// </summary>
public sealed record WriteThroughput(long Rows, double WriterRowsPerSecond, double CopyRowsPerSecond, IReadOnlyList<double> RoundRatios)
{
    public double Ratio => WriterRowsPerSecond / CopyRowsPerSecond;

    public static async Task<WriteThroughput> MeasureAsync(
        NpgsqlDataSource dataSource, List<HistoryRow> sample, IReadOnlyList<HistoryRow> warmUp, InsightsBenchOptions options)
    {
        var size = (sample.Count + options.WriteRounds - 1) / options.WriteRounds;
        var writerRounds = sample.Chunk(size).ToList();
        var copyRounds = sample.Select(r => r with { }).Chunk(size).ToList();
        await RawHistoryCopy.CreateTableAsync(dataSource, sample.Min(r => r.OccurredAt), options.Days);
        var rows = sample.Count;
        sample.Clear();
        await BatcherLoad.RunAsync(dataSource, warmUp, 500);
        await RawHistoryCopy.CopyAsync(dataSource, warmUp.Select(r => r with { }));
        await ExecuteAsync(dataSource, "TRUNCATE history_copy");

        var (writerSeconds, copySeconds, ratios) = (0.0, 0.0, new List<double>());
        for (var i = 0; i < writerRounds.Count; i++)
        {
            var (writer, writerCpu) = await TimedAsync(dataSource, () => BatcherLoad.RunAsync(dataSource, writerRounds[i], options.BatchSize));
            writerRounds[i] = [];
            var (copy, copyCpu) = await TimedAsync(dataSource, () => RawHistoryCopy.CopyAsync(dataSource, copyRounds[i]));
            var count = copyRounds[i].Length;
            copyRounds[i] = [];
            (writerSeconds, copySeconds) = (writerSeconds + writer, copySeconds + copy);
            ratios.Add(copy / writer);
            Console.WriteLine($"round {i + 1}: {count:N0} rows, writer {writer:F1} s = {count / writer:N0} rows/s ({writerCpu}), " +
                $"raw COPY {copy:F1} s = {count / copy:N0} rows/s ({copyCpu}), {copy / writer:F2}x ({Load.Average()})");
        }

        await ExecuteAsync(dataSource, "DROP TABLE history_copy");
        return new WriteThroughput(rows, rows / writerSeconds, rows / copySeconds, ratios);
    }

    /// <summary>
    /// Seconds of one path, after vacuuming what the previous one wrote and flushing it to disk (so neither path pays
    /// for the other's autovacuum or dirty buffers) and a full collection, and the CPU it cost on both sides.
    /// </summary>
    private static async Task<(double Seconds, string Cpu)> TimedAsync(NpgsqlDataSource dataSource, Func<Task> path)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        await ExecuteAsync(dataSource, "VACUUM");
        await ExecuteAsync(dataSource, "CHECKPOINT");
        var cpu = await CpuMeter.StartAsync(dataSource);
        var watch = Stopwatch.StartNew();
        await path();
        var seconds = watch.Elapsed.TotalSeconds;
        return (seconds, await cpu.StopAsync(dataSource));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The 1-minute load average, recorded with every measurement (the machine is shared).</summary>
public static class Load
{
    public static string Average() => File.Exists("/proc/loadavg") ? $"load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}" : "load n/a";
}
