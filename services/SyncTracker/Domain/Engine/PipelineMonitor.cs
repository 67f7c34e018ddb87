using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// The tenant's Entra Connect export as a whole: when a key last arrived in AD, what the organization object says about
/// directory sync, and the stall and backlog episodes with their pipeline events (they are about the pipeline, not about
/// one key).
/// </summary>
internal sealed class PipelineMonitor(TenantSyncState state, StuckDiagnosis diagnosis)
{
    /// <summary>When the backlog last had no overdue key while its episode was open (in memory: a restart waits a cycle anew).</summary>
    private DateTimeOffset? _backlogQuietSince;

    private PipelineState Pipeline => state.Pipeline;

    private SyncThresholds Thresholds => state.Thresholds;

    /// <summary>Graph's organization object was read: directory sync on or off, and when Entra Connect last synced.</summary>
    public void ObserveOnPremisesSync(bool? enabled, DateTimeOffset? lastSync)
    {
        Pipeline.OnPremisesSyncEnabled = enabled;
        Pipeline.OnPremisesLastSyncAt = lastSync;
        Pipeline.OnPremisesSyncReadAt = state.Now;
        state.Changes.PipelineChanged = true;
    }

    /// <summary>
    /// Stalled: no key synced for the stall window while a key without a user-specific explanation waited that long, or the
    /// organization's last directory sync is that old (<see cref="OnPremisesSyncStale"/>); either opens the one episode. It
    /// ends when a key syncs, or when neither holds any more (without a fresh organization reading: when no key waits).
    /// </summary>
    public void EvaluatePipeline()
    {
        if (Pipeline.IsStalled)
        {
            if (OnPremisesSyncKnown ? !OnPremisesSyncStale && !KeysStall() : state.Keys.Waiting.Count == 0)
            {
                EndStall();
            }

            return;
        }

        if (KeysStall() || OnPremisesSyncStale)
        {
            if (Pipeline.HasBacklog)
            {
                EndBacklog();
            }

            var now = state.Now;
            Pipeline.StalledSince = now;
            state.Changes.PipelineChanged = true;
            Emit(new SyncPipelineStalled(EventIds.For("pipeline-stalled", state.TenantId, now), state.TenantId, now, Pipeline.LastKeySyncedAt, state.Keys.Waiting.Count));
        }
    }

    /// <summary>A key's value arrived in AD: Entra Connect exported, so a stall episode ends and the export's frontier moves.</summary>
    public void PipelineSawSync(TrackedKey key)
    {
        RecordExport(key);
        var now = state.Now;
        Pipeline.LastKeySyncedAt = Pipeline.LastKeySyncedAt is { } last && last > now ? last : now;
        state.Changes.PipelineChanged = true;
        if (Pipeline.IsStalled)
        {
            EndStall();
        }
    }

    /// <summary>
    /// A backlog: keys without a reason of their own wait past the stuck threshold while the export still flows, and there
    /// are at least a cycle's worth of them at the current rate (fewer would have gone out in one cycle: throughput does
    /// not explain their wait). A stall is the export stopping, and ends the backlog as it opens. It ends once no key is overdue for a whole cycle, so a drain's tail does
    /// not open and close it on every evaluation.
    /// </summary>
    public void EvaluateBacklog()
    {
        if (Pipeline.IsStalled)
        {
            return;
        }

        var now = state.Now;
        var reading = state.Backlog.Read(state.Keys.Waiting, diagnosis.ExplainedByUser, now);
        if (Pipeline.HasBacklog)
        {
            _backlogQuietSince = reading.Overdue > 0 ? null : _backlogQuietSince ?? now;
            if (now - _backlogQuietSince >= Thresholds.Cycle)
            {
                EndBacklog();
            }

            return;
        }

        if (reading.Overdue > 0 && reading.EstimatedDrain >= Thresholds.Cycle && Pipeline.LastKeySyncedAt is { } last && now - last < Thresholds.StallAfter)
        {
            (Pipeline.BacklogSince, _backlogQuietSince) = (now, null);
            state.Changes.PipelineChanged = true;
            Emit(new SyncBacklogDetected(EventIds.For("backlog-detected", state.TenantId, now), state.TenantId, now, reading.KeysPerCycle,
                reading.ArrivingPerCycle, reading.Waiting, reading.OldestWaiting, reading.EstimatedDrain, Thresholds.Cycle));
        }
    }

    /// <summary>After a restart: the export's frontier and throughput from the keys already in AD (the flow needs no order).</summary>
    public void RebuildExportFlow()
    {
        foreach (var key in state.Keys.All.Where(k => k.State.IsInAd()))
        {
            RecordExport(key);
        }

        state.Backlog.Flow.Prune(state.Now);
    }

    private void RecordExport(TrackedKey key)
    {
        if (key is { ObservedInAdAt: { } observed, CreatedInEntraAt: { } created })
        {
            state.Backlog.Flow.Record(observed, created);
        }
    }

    private void EndBacklog()
    {
        var since = Pipeline.BacklogSince!.Value;
        (Pipeline.BacklogSince, _backlogQuietSince) = (null, null);
        state.Changes.PipelineChanged = true;
        Emit(new SyncBacklogCleared(EventIds.For("backlog-cleared", state.TenantId, since), state.TenantId, since, state.Now, state.Keys.Waiting.Count));
    }

    private bool KeysStall()
    {
        var now = state.Now;
        var quiet = Pipeline.LastKeySyncedAt is not { } last || now - last >= Thresholds.StallAfter;
        return quiet && state.Keys.Waiting.Any(k => now - k.CreatedInEntraAt >= Thresholds.StallAfter && !diagnosis.ExplainedByUser(k));
    }

    private void EndStall()
    {
        var now = state.Now;
        var since = Pipeline.StalledSince!.Value;
        Pipeline.StalledSince = null;
        Pipeline.LastRecoveredAt = now;
        state.Changes.PipelineChanged = true;
        Emit(new SyncPipelineRecovered(EventIds.For("pipeline-recovered", state.TenantId, since), state.TenantId, since, now, state.Keys.Waiting.Count));
    }

    /// <summary>Directory sync is on and the organization object was read recently enough to speak for now.</summary>
    private bool OnPremisesSyncKnown =>
        Pipeline is { OnPremisesSyncEnabled: true, OnPremisesLastSyncAt: not null, OnPremisesSyncReadAt: { } read } && state.Now - read < Thresholds.StallAfter;

    /// <summary>
    /// Entra Connect had not synced for the stall window when the organization object was read (judged at the reading, not
    /// now: a sync after the reading is unknown until the next one, and reading every few minutes must not make a healthy
    /// tenant look stalled between readings), and no key has been seen arriving in AD within the window since (only a
    /// sync writes one, so an arrival proves a later sync).
    /// </summary>
    private bool OnPremisesSyncStale =>
        OnPremisesSyncKnown
        && Pipeline.OnPremisesSyncReadAt!.Value - Pipeline.OnPremisesLastSyncAt!.Value >= Thresholds.StallAfter
        && (Pipeline.LastKeySyncedAt is not { } arrived || state.Now - arrived >= Thresholds.StallAfter);

    private void Emit(object message) => state.Changes.Events.Add(message);
}
