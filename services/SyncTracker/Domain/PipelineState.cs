namespace Whfb.SyncTracker.Domain;

/// <summary>The tenant's Entra Connect export as SyncTracker sees it: last key synced and the current stall episode.</summary>
public sealed class PipelineState
{
    public Guid TenantId { get; set; }
    public DateTimeOffset? LastKeySyncedAt { get; set; }
    public DateTimeOffset? StalledSince { get; set; }
    public DateTimeOffset? LastRecoveredAt { get; set; }
    public uint Version { get; set; }

    public bool IsStalled => StalledSince is not null;
}
