using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// The tenant's Entra Connect export as a whole: when a key last arrived in AD, what the organization object says about
/// directory sync, and the stall episode with its pipeline events (they are about the pipeline, not about one key).
/// </summary>
internal sealed class PipelineMonitor(TenantSyncState state, StuckDiagnosis diagnosis)
{
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
            var now = state.Now;
            Pipeline.StalledSince = now;
            state.Changes.PipelineChanged = true;
            Emit(new SyncPipelineStalled(EventIds.For("pipeline-stalled", state.TenantId, now), state.TenantId, now, Pipeline.LastKeySyncedAt, state.Keys.Waiting.Count));
        }
    }

    /// <summary>A key's value arrived in AD: Entra Connect exported, so a stall episode ends.</summary>
    public void PipelineSawSync()
    {
        var now = state.Now;
        Pipeline.LastKeySyncedAt = Pipeline.LastKeySyncedAt is { } last && last > now ? last : now;
        state.Changes.PipelineChanged = true;
        if (Pipeline.IsStalled)
        {
            EndStall();
        }
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
