namespace Whfb.SyncTracker.Domain;

/// <summary>
/// The tenant's Entra Connect export as SyncTracker sees it: last key synced, the current stall and backlog episodes, what the
/// organization object last said about directory synchronization, and when Graph's users were last all known.
/// </summary>
public sealed class PipelineState
{
    public Guid TenantId { get; set; }
    public DateTimeOffset? LastKeySyncedAt { get; set; }
    public DateTimeOffset? StalledSince { get; set; }
    public DateTimeOffset? LastRecoveredAt { get; set; }

    /// <summary>Start of the current backlog episode (keys wait past their threshold while the export still flows).</summary>
    public DateTimeOffset? BacklogSince { get; set; }

    /// <summary>organization.onPremisesSyncEnabled as last read.</summary>
    public bool? OnPremisesSyncEnabled { get; set; }

    /// <summary>organization.onPremisesLastSyncDateTime as last read.</summary>
    public DateTimeOffset? OnPremisesLastSyncAt { get; set; }

    /// <summary>When the organization object was last read (an old reading says nothing about now).</summary>
    public DateTimeOffset? OnPremisesSyncReadAt { get; set; }

    /// <summary>Every Entra user that existed at this time has been described (a users delta round that began then completed).</summary>
    public DateTimeOffset? UsersListedAt { get; set; }

    public uint Version { get; set; }

    public bool IsStalled => StalledSince is not null;

    public bool HasBacklog => BacklogSince is not null;
}
