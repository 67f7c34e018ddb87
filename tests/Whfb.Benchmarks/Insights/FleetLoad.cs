using Npgsql;
using Whfb.Insights.Model;

namespace Whfb.Benchmarks.Insights;

/// <summary>How the whole fleet got in: rows, seconds (generation included) and the load average at the end.</summary>
public sealed record LoadSummary(long Rows, double Seconds, string Load);

/// <summary>
/// Loads the fleet history: its first rows (--write-sample) held in memory for the writer-vs-COPY comparison (which
/// releases them as it writes them), then the rest streamed from the generator through the same batcher, so
/// projections and rollups are built the service's way.
/// </summary>
public static class FleetLoad
{
    public static async Task<(Guid Tenant, WriteThroughput Write, LoadSummary Load)> RunAsync(NpgsqlDataSource dataSource, InsightsBenchOptions options)
    {
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(-options.Days), TimeSpan.Zero);
        var fleet = new FleetEvents(Guid.NewGuid(), options, start);
        using var rows = fleet.Rows().GetEnumerator();
        var sample = new List<HistoryRow>(options.WriteSample);
        while (sample.Count < options.WriteSample && rows.MoveNext())
        {
            sample.Add(rows.Current);
        }

        var warmUp = new FleetEvents(Guid.NewGuid(), options with { Events = 100_000, Devices = 2_000 }, start).Rows().ToList();
        var write = await WriteThroughput.MeasureAsync(dataSource, sample, warmUp, options);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        long rest = 0;
        IEnumerable<HistoryRow> Rest()
        {
            while (rows.MoveNext())
            {
                rest++;
                yield return rows.Current;
            }
        }

        await BatcherLoad.RunAsync(dataSource, Rest(), options.BatchSize);
        var load = new LoadSummary(write.Rows + rest, watch.Elapsed.TotalSeconds, Load.Average());
        Console.WriteLine($"rest of the fleet: {rest:N0} rows in {load.Seconds:F0} s = {rest / load.Seconds:N0} rows/s, generation included ({load.Load})");
        return (fleet.Tenant, write, load);
    }

    public static async Task<Guid> TenantAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT tenant_id FROM device_state LIMIT 1");
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
