using Whfb.Insights.Alerts;
using Npgsql;
using Whfb.Insights.Model;
using Whfb.Insights.Projections;

namespace Whfb.Insights.History;

/// <summary>
/// One transaction per batch: append to the history, then apply only the rows that were new to the projections,
/// the daily rollups and the alert episodes. A redelivered event therefore changes nothing twice. Round trips per
/// batch: the COPY, one for the projection loads, one for the projection saves and rollups, the alert episodes
/// (only when the batch opens or closes one) and the commit; a batch of only rows no projector reads (generic log
/// entries) is the COPY and the commit.
/// </summary>
public sealed class HistoryBatchWriter(NpgsqlDataSource dataSource, HistoryPartitions partitions, TimeProvider time)
{
    public async Task<int> WriteAsync(IReadOnlyList<HistoryRow> rows, CancellationToken cancellationToken)
    {
        await partitions.EnsureAsync(rows.Select(r => HistoryPartitions.MonthOf(r.OccurredAt)).Distinct(), cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (transaction, inserted) = await HistoryTable.InsertAsync(rows, connection, cancellationToken);
        await using (transaction)
        {
            var fresh = rows.Where(r => inserted.Remove(r.EventId)).ToList();
            var relevant = Projector.Relevant(fresh);
            if (relevant.Count > 0)
            {
                // First pass on an empty set finds which states the rows touch; those are loaded, then the rows applied.
                var probe = new ProjectionSet();
                Projector.ApplyOrdered(probe, relevant);
                var set = await ProjectionStore.LoadAsync(probe, connection, transaction, cancellationToken);
                Projector.ApplyOrdered(set, relevant);
                await SqlArrays.ExecuteAsync(ProjectionStore.Saves(set).Concat(RollupStore.Statements(set.Deltas)), connection, transaction, cancellationToken);
                await AlertEpisodes.ApplyAsync(set.Deltas.Alerts, time.GetUtcNow(), connection, transaction, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return fresh.Count;
        }
    }
}
