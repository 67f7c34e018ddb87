using Microsoft.Extensions.Options;
using Npgsql;
using Whfb.Insights.Alerts;
using Whfb.Insights.Model;
using Whfb.Insights.Projections;

namespace Whfb.Insights.History;

/// <summary>
/// One transaction per batch: append to the history, then apply only the rows that were new to the projections,
/// the daily rollups and the alert episodes. A redelivered event therefore changes nothing twice. Round trips per
/// batch: the COPY, one for the projection loads, one for the projection saves and rollups, the alert episodes
/// (only when the batch opens or closes one) and the commit; a batch of only rows no projector reads (generic log
/// entries) is the COPY and the commit.
/// <para>
/// Two batches may be written at once (on two connections): a batch's COPY runs (after the previous batch's COPY)
/// while the previous batch applies its projections, but its own projection phase waits until the previous batch
/// committed (or failed), so batches load, apply and commit strictly in order and projections and rollups never race.
/// </para>
/// </summary>
public sealed class HistoryBatchWriter(NpgsqlDataSource dataSource, HistoryPartitions partitions, TimeProvider time, IOptions<AlertOptions> alerts)
{
    private readonly Lock gate = new();
    private (Task Copied, Task Committed) previous = (Task.CompletedTask, Task.CompletedTask);

    public async Task<int> WriteAsync(IReadOnlyList<HistoryRow> rows, CancellationToken cancellationToken)
    {
        var (copied, committed) = (NewTurn(), NewTurn());
        (Task Copied, Task Committed) before;
        lock (gate)
        {
            (before, previous) = (previous, (copied.Task, committed.Task));
        }

        try
        {
            // Copies in order too: a later batch copying first could hold a key (a redelivered event) that an earlier
            // batch's COPY then waits for, while the later batch waits for the earlier one's commit.
            await before.Copied;
            await partitions.EnsureAsync(rows.Select(r => HistoryPartitions.MonthOf(r.OccurredAt)).Distinct(), cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var (transaction, inserted) = await HistoryTable.InsertAsync(rows, connection, cancellationToken);
            copied.SetResult();
            await using (transaction)
            {
                var fresh = rows.Where(r => inserted.Remove(r.EventId)).ToList();
                await before.Committed;
                await ApplyAsync(Projector.Relevant(fresh), connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return fresh.Count;
            }
        }
        finally
        {
            // Turns never fault; each is given only after the same turn of every earlier batch.
            copied.TrySetResult();
            await before.Committed;
            committed.SetResult();
        }
    }

    private static TaskCompletionSource NewTurn() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ApplyAsync(IReadOnlyList<HistoryRow> relevant, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (relevant.Count == 0)
        {
            return;
        }

        // First pass on an empty set finds which states the rows touch (and which key rows they may fold into a
        // device's row); those are loaded, then the rows applied.
        var probe = new ProjectionSet();
        Projector.ApplyOrdered(probe, relevant);
        var set = await ProjectionStore.LoadAsync(probe, connection, transaction, ct);
        Projector.ApplyOrdered(set, relevant);
        await SqlArrays.ExecuteAsync(ProjectionStore.Saves(set).Concat(RollupStore.Statements(set.Deltas)), connection, transaction, ct);
        await AlertEpisodes.ApplyAsync(set.Deltas.Alerts, time.GetUtcNow(), alerts.Value.FoldSummaryDelay, connection, transaction, ct);
    }
}
