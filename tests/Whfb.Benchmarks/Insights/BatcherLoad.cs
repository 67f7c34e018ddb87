using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Whfb.Insights;
using Whfb.Insights.Alerts;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Benchmarks.Insights;

/// <summary>
/// Writes rows the way the service does: each row handed to the real <see cref="HistoryBatcher"/> (as each consumed
/// message is), with up to two batches of rows outstanding (the consumers' prefetch), until every row's batch committed.
/// </summary>
public static class BatcherLoad
{
    public static async Task<TimeSpan> RunAsync(NpgsqlDataSource dataSource, IEnumerable<HistoryRow> rows, int batchSize)
    {
        var writer = new HistoryBatchWriter(dataSource, new HistoryPartitions(dataSource), TimeProvider.System, Options.Create(new AlertOptions()));
        var options = Options.Create(new InsightsOptions { MaxBatchSize = batchSize });
        using var batcher = new HistoryBatcher(writer, new HistoryWindow(options, TimeProvider.System),
            new HistoryQuarantine(dataSource, TimeProvider.System, NullLogger<HistoryQuarantine>.Instance), options, NullLogger<HistoryBatcher>.Instance);
        await batcher.StartAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var outstanding = new Queue<Task>();
        foreach (var row in rows)
        {
            outstanding.Enqueue(batcher.WriteAsync(row, CancellationToken.None));
            if (outstanding.Count >= 2 * batchSize)
            {
                await outstanding.Dequeue();
            }
        }

        await Task.WhenAll(outstanding);
        var elapsed = watch.Elapsed;
        await batcher.StopAsync(CancellationToken.None);
        return elapsed;
    }
}
