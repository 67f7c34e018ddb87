using System.Collections.Concurrent;
using Npgsql;

namespace Whfb.Insights.History;

/// <summary>
/// Creates the monthly partitions of <c>history</c> (declarative range partitioning on <c>occurred_at</c>):
/// ahead of time by <see cref="PartitionMaintenanceService"/> and on demand before a batch that reaches a new month.
/// Creation is serialized by an advisory lock, so concurrent writers never race on the DDL.
/// </summary>
public sealed class HistoryPartitions(NpgsqlDataSource dataSource)
{
    private const long LockKey = 0x5748_6642_4869_7374; // "WHfBHist"
    private readonly ConcurrentDictionary<DateOnly, bool> known = new();

    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);

    public static string NameOf(DateOnly month) => $"history_{month:yyyy_MM}";

    public async Task EnsureAsync(IEnumerable<DateOnly> months, CancellationToken cancellationToken)
    {
        var missing = months.Distinct().Where(m => !known.ContainsKey(m)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var month in missing)
        {
            var sql = $"""
                CREATE TABLE IF NOT EXISTS {NameOf(month)} PARTITION OF history
                FOR VALUES FROM ('{month:yyyy-MM-dd}T00:00:00Z') TO ('{month.AddMonths(1):yyyy-MM-dd}T00:00:00Z')
                """;
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var month in missing)
        {
            known[month] = true;
        }
    }
}
