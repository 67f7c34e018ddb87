using Microsoft.EntityFrameworkCore;
using Npgsql;
using Whfb.Insights.Infrastructure;
using Whfb.Testing;

namespace Whfb.Benchmarks.Insights;

/// <summary>
/// <c>insights</c> mode, all in one run on a database of its own: the history writer (history + projections + rollups,
/// through the service's batcher) against raw binary COPY of the same rows; then the rest of the fleet loaded the same
/// way; then every analytics query against the naive query over the raw history.
/// </summary>
public static class InsightsBenchmark
{
    public const string Mode = "insights";

    public static async Task<int> RunAsync(InsightsBenchOptions options)
    {
        var server = (await PlatformServers.GetAsync()).PostgresConnectionString;
        var name = options.Reuse ?? $"bench_insights_{Guid.NewGuid():N}"[..28];
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 1800 }.ConnectionString;
        if (options.Reuse is null)
        {
            await using var db = new InsightsDbContext(new DbContextOptionsBuilder<InsightsDbContext>()
                .UseNpgsql(cs, o => o.MigrationsHistoryTable("__ef_migrations_history")).Options);
            await db.Database.MigrateAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(cs);
        try
        {
            Console.WriteLine($"insights benchmark: {options.Events:N0} events, {options.Devices:N0} devices, {options.Days} days, database {name}");
            var (tenant, write, load) = options.Reuse is null ? await FleetLoad.RunAsync(dataSource, options) : (await FleetLoad.TenantAsync(dataSource), null, null);
            await using (var analyze = dataSource.CreateCommand("ANALYZE"))
            {
                await analyze.ExecuteNonQueryAsync();
            }

            var timings = await QueryComparison.RunAsync(dataSource, tenant, options);
            Report.Print(options, write, load, timings);
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (!options.Keep)
            {
                await using var drop = new NpgsqlConnection(server);
                await drop.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", drop);
                await command.ExecuteNonQueryAsync();
            }
        }
    }
}
