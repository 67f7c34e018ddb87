namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
{
    /// <summary>Graph's organization object was read: directory sync on or off, and when Entra Connect last synced.</summary>
    public void ObserveOnPremisesSync(bool? enabled, DateTimeOffset? lastSync)
    {
        _pipeline.OnPremisesSyncEnabled = enabled;
        _pipeline.OnPremisesLastSyncAt = lastSync;
        _pipeline.OnPremisesSyncReadAt = Now;
        _changes.PipelineChanged = true;
    }

    /// <summary>Directory sync is on and the organization object was read recently enough to speak for now.</summary>
    private bool OnPremisesSyncKnown =>
        _pipeline is { OnPremisesSyncEnabled: true, OnPremisesLastSyncAt: not null, OnPremisesSyncReadAt: { } read } && Now - read < Thresholds.StallAfter;

    /// <summary>
    /// Entra Connect had not synced for the stall window when the organization object was read (judged at the reading, not
    /// now: a sync after the reading is unknown until the next one, and reading every few minutes must not make a healthy
    /// tenant look stalled between readings), and no key has been seen arriving in AD within the window since (only a
    /// sync writes one, so an arrival proves a later sync).
    /// </summary>
    private bool OnPremisesSyncStale =>
        OnPremisesSyncKnown
        && _pipeline.OnPremisesSyncReadAt!.Value - _pipeline.OnPremisesLastSyncAt!.Value >= Thresholds.StallAfter
        && (_pipeline.LastKeySyncedAt is not { } arrived || Now - arrived >= Thresholds.StallAfter);
}
