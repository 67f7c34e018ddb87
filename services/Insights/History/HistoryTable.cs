using Npgsql;
using Whfb.Insights.Model;

namespace Whfb.Insights.History;

/// <summary>
/// Appends rows to the partitioned history, idempotent on the event id, as the first statement of the batch's
/// transaction. Optimistic fast path: binary COPY of the batch (its in-batch repeats dropped) straight into
/// <c>history</c>, which PostgreSQL routes and buffers per partition, as fast as a raw COPY. A redelivered or retried
/// event already stored makes that COPY fail on the primary key; since nothing else ran in the transaction yet, the
/// whole transaction is rolled back (no savepoint, so the fast path pays no subtransaction) and a new one takes the
/// slow way: COPY into a transaction-scoped staging table, then INSERT ... ON CONFLICT DO NOTHING RETURNING, which
/// tells the ids that were new. Either way the open transaction and only those ids are returned.
/// </summary>
internal static class HistoryTable
{
    private const string Columns = HistoryCopy.Columns;

    public static async Task<(NpgsqlTransaction Transaction, HashSet<Guid> Inserted)> InsertAsync(
        IReadOnlyCollection<HistoryRow> rows, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var fresh = rows.DistinctBy(r => r.EventId).ToList();
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await HistoryCopy.CopyAsync("history", fresh, connection, cancellationToken);
            return (transaction, fresh.Select(r => r.EventId).ToHashSet());
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.DisposeAsync(); // rolls back
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            return (transaction, await StagedAsync(fresh, connection, transaction, cancellationToken));
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
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
