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
    /// Entra Connect has not synced for the stall window: the organization's last sync time is that old, and so is the last
    /// key seen arriving in AD (only a sync writes one, so a later arrival proves a later sync than a stale reading says).
    /// </summary>
    private bool OnPremisesSyncStale =>
        OnPremisesSyncKnown && Now - Latest(_pipeline.OnPremisesLastSyncAt!.Value, _pipeline.LastKeySyncedAt) >= Thresholds.StallAfter;

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;
}
