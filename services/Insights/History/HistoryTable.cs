using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Model;

namespace Whfb.Insights.History;

/// <summary>
/// Appends rows to the partitioned history, idempotent on the event id. Optimistic fast path: binary COPY of the batch
/// (its in-batch repeats dropped) straight into <c>history</c>, which PostgreSQL routes and buffers per partition, as
/// fast as a raw COPY. A redelivered or retried event already stored makes that COPY fail on the primary key; then it
/// is rolled back to a savepoint and the batch goes the slow way: COPY into a transaction-scoped staging table, then
/// INSERT ... ON CONFLICT DO NOTHING RETURNING, which tells the ids that were new. Either way only those are returned.
/// </summary>
internal static class HistoryTable
{
    private const string Columns = HistoryCopy.Columns;

    public static async Task<HashSet<Guid>> InsertAsync(
        IReadOnlyCollection<HistoryRow> rows, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var fresh = rows.DistinctBy(r => r.EventId).ToList();
        await transaction.SaveAsync("copy", cancellationToken);
        try
        {
            await HistoryCopy.CopyAsync("history", fresh, connection, cancellationToken);
            await transaction.ReleaseAsync("copy", cancellationToken);
            return fresh.Select(r => r.EventId).ToHashSet();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync("copy", cancellationToken);
            return await StagedAsync(fresh, connection, transaction, cancellationToken);
        }
    }

    private static async Task<HashSet<Guid>> StagedAsync(
        IReadOnlyCollection<HistoryRow> rows, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var stage = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS history_stage (LIKE history INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection, transaction))
        {
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        await HistoryCopy.CopyAsync("history_stage", rows, connection, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO history ({Columns}) SELECT {Columns} FROM history_stage ON CONFLICT DO NOTHING RETURNING event_id", connection, transaction);
        return await ReadIdsAsync(command, cancellationToken);
    }

    private static async Task<HashSet<Guid>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
