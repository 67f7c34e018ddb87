using Whfb.Insights.Alerts;
using Npgsql;
using Whfb.Insights.Model;
using Whfb.Insights.Projections;

namespace Whfb.Insights.History;

/// <summary>
/// One transaction per batch: append to the history, then apply only the rows that were new to the projections,
/// the daily rollups and the alert episodes. A redelivered event therefore changes nothing twice.
/// </summary>
public sealed class HistoryBatchWriter(NpgsqlDataSource dataSource, HistoryPartitions partitions, TimeProvider time)
{
    public async Task<int> WriteAsync(IReadOnlyList<HistoryRow> rows, CancellationToken cancellationToken)
    {
        await partitions.EnsureAsync(rows.Select(r => HistoryPartitions.MonthOf(r.OccurredAt)), cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var inserted = await HistoryTable.InsertAsync(rows, connection, transaction, cancellationToken);
        var fresh = rows.Where(r => inserted.Remove(r.EventId)).ToList();
        if (fresh.Count > 0)
        {
            // First pass on an empty set finds which states the rows touch; those are loaded, then the rows applied.
            var probe = new ProjectionSet();
            Projector.Apply(probe, fresh);
            var set = await ProjectionStore.LoadAsync(probe, connection, transaction, cancellationToken);
            Projector.Apply(set, fresh);
            await ProjectionStore.SaveAsync(set, connection, transaction, cancellationToken);
            await RollupStore.SaveAsync(set.Deltas, connection, transaction, cancellationToken);
            await AlertEpisodes.ApplyAsync(set.Deltas.Alerts, time.GetUtcNow(), connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return fresh.Count;
    }
}
