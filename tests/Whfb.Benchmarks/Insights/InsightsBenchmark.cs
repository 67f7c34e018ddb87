using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Whfb.Insights.Analytics;
using Whfb.Insights.History;
using Whfb.Insights.Infrastructure;
using Whfb.Testing;

namespace Whfb.Benchmarks.Insights;

/// <summary>
/// <c>insights</c> mode: loads a fleet history through the real history writer (history + projections + rollups, batches
/// of 1000), measures it against raw binary COPY of the same rows, then times every analytics query against the naive
/// query over the raw history, all in one run on a database of its own.
/// </summary>
public static class InsightsBenchmark
{
    public const string Mode = "insights";

    public static async Task<int> RunAsync(InsightsBenchOptions options)
    {
        var server = (await PlatformServers.GetAsync()).PostgresConnectionString;
        var name = $"bench_insights_{Guid.NewGuid():N}"[..28];
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600 }.ConnectionString;
        await using (var db = new InsightsDbContext(new DbContextOptionsBuilder<InsightsDbContext>()
            .UseNpgsql(cs, o => o.MigrationsHistoryTable("__ef_migrations_history")).Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(cs);
        try
        {
            var start = DateTimeOffset.UtcNow.Date.AddDays(-options.Days);
            var fleet = new FleetEvents(Guid.NewGuid(), options, new DateTimeOffset(start, TimeSpan.Zero));
            Console.WriteLine($"insights benchmark: {options.Events:N0} events, {options.Devices:N0} devices, {options.Days} days, database {name}");

            var writer = new HistoryBatchWriter(dataSource, new HistoryPartitions(dataSource), TimeProvider.System);
            var watch = Stopwatch.StartNew();
            long written = 0;
            foreach (var batch in fleet.Rows().Chunk(options.BatchSize))
            {
                written += await writer.WriteAsync(batch, CancellationToken.None);
            }

            var writeSeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"history writer: {written:N0} rows in {writeSeconds:F1} s = {written / writeSeconds:N0} rows/s");

            await RawHistoryCopy.CreateTableAsync(dataSource, fleet.Rows().First().OccurredAt, options.Days);
            watch.Restart();
            var copied = await RawHistoryCopy.CopyAsync(dataSource, fleet.Rows());
            var copySeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"raw COPY: {copied:N0} rows in {copySeconds:F1} s = {copied / copySeconds:N0} rows/s");
            await using (var analyze = dataSource.CreateCommand("ANALYZE"))
            {
                await analyze.ExecuteNonQueryAsync();
            }

            var timings = await QueryComparison.RunAsync(dataSource, fleet.Tenant, options);
            Report.Print(options, written / writeSeconds, copied / copySeconds, timings);
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var drop = new NpgsqlConnection(server);
            await drop.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", drop);
            await command.ExecuteNonQueryAsync();
        }
    }
}
