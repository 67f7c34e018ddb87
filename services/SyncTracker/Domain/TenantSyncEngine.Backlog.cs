using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
{
    private BacklogMonitor? _backlogMonitor;

    /// <summary>When the backlog last had no overdue key while its episode was open (in memory: a restart waits a cycle anew).</summary>
    private DateTimeOffset? _backlogQuietSince;

    private BacklogMonitor Backlog => _backlogMonitor ??= new BacklogMonitor(Thresholds);

    /// <summary>
    /// A backlog: keys without a reason of their own wait past the stuck threshold while the export still flows (a stall is
    /// the export stopping, and supersedes it). It ends once no key is overdue for a whole cycle, so a drain's tail does
    /// not open and close it on every evaluation.
    /// </summary>
    private void EvaluateBacklog()
    {
        if (_pipeline.IsStalled)
        {
            if (_pipeline.HasBacklog)
            {
                EndBacklog();
            }

            return;
        }

        var reading = Backlog.Read(_keys.Waiting, ExplainedByUser, Now);
        if (_pipeline.HasBacklog)
        {
            _backlogQuietSince = reading.Overdue > 0 ? null : _backlogQuietSince ?? Now;
            if (Now - _backlogQuietSince >= Thresholds.Cycle)
            {
                EndBacklog();
            }

            return;
        }

        if (reading.Overdue > 0 && _pipeline.LastKeySyncedAt is { } last && Now - last < Thresholds.StallAfter)
        {
            (_pipeline.BacklogSince, _backlogQuietSince) = (Now, null);
            _changes.PipelineChanged = true;
            Emit(new SyncBacklogDetected(EventIds.For("backlog-detected", TenantId, Now), TenantId, Now, reading.KeysPerCycle, reading.ArrivingPerCycle,
                reading.Waiting, reading.OldestWaiting, reading.EstimatedDrain, Thresholds.Cycle));
        }
    }

    private void EndBacklog()
    {
        var since = _pipeline.BacklogSince!.Value;
        (_pipeline.BacklogSince, _backlogQuietSince) = (null, null);
        _changes.PipelineChanged = true;
        Emit(new SyncBacklogCleared(EventIds.For("backlog-cleared", TenantId, since), TenantId, since, Now, _keys.Waiting.Count));
    }

    /// <summary>
    /// The hints about the export, not the user: the pipeline's episodes, or the export having passed the key over. A
    /// stall, or a user-specific hint, is the better explanation of a key passed over, so it is not added next to one.
    /// </summary>
    private void AddPipelineHints(TrackedKey key, List<StuckKeyHint> hints)
    {
        if (_pipeline.IsStalled)
        {
            hints.Add(StuckKeyHint.PipelineStalled);
            return;
        }

        if (hints.Count > 0)
        {
            return;
        }

        if (Backlog.PassedOver(key, Now))
        {
            hints.Add(StuckKeyHint.PassedOverByExport);
        }
        else if (_pipeline.HasBacklog && !ExplainedByUser(key))
        {
            hints.Add(StuckKeyHint.PipelineBacklog);
        }
    }

    /// <summary>A key reached AD: the export's frontier and throughput move.</summary>
    private void RecordExport(TrackedKey key)
    {
        if (key is { ObservedInAdAt: { } observed, CreatedInEntraAt: { } created })
        {
            Backlog.Flow.Record(observed, created);
        }
    }

    private static bool IsPipelineHint(StuckKeyHint hint) =>
        hint is StuckKeyHint.PipelineStalled or StuckKeyHint.PipelineBacklog or StuckKeyHint.PassedOverByExport;
}
