namespace Whfb.Insights.Projections;

/// <summary>
/// Current state of one user's key on one device. <see cref="DeviceId"/> is the key's identity (<see cref="KeyIdentity"/>):
/// its device, or while that is unknown a stand-in derived from its Entra key id or AD KeyID (empty when neither is known).
/// </summary>
public sealed class KeyState
{
    public Guid TenantId { get; init; }
    public Guid UserId { get; init; }
    public Guid DeviceId { get; init; }
    public string? UserPrincipalName { get; set; }
    public string? EntraKeyId { get; set; }
    public string? AdKeyId { get; set; }
    public string? AdObjectDn { get; set; }
    public string State { get; set; } = KeyStates.Registered;
    public DateTimeOffset? CreatedInEntraAt { get; set; }
    public DateTimeOffset? StuckSince { get; set; }
    public string? Hints { get; set; }
    public DateTimeOffset? SyncedAt { get; set; }
    public double? LatencySeconds { get; set; }
    public string? OrphanReason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Takes over what <paramref name="earlier"/> knew, the same key's row from before its device was known: every field
    /// this row lacks, its state while this row has none of its own yet, the later update time.
    /// </summary>
    public void Absorb(KeyState earlier)
    {
        UserPrincipalName ??= earlier.UserPrincipalName;
        EntraKeyId ??= earlier.EntraKeyId;
        AdKeyId ??= earlier.AdKeyId;
        AdObjectDn ??= earlier.AdObjectDn;
        CreatedInEntraAt ??= earlier.CreatedInEntraAt;
        StuckSince ??= earlier.StuckSince;
        Hints ??= earlier.Hints;
        SyncedAt ??= earlier.SyncedAt;
        LatencySeconds ??= earlier.LatencySeconds;
        OrphanReason ??= earlier.OrphanReason;
        State = State == KeyStates.Registered ? earlier.State : State;
        UpdatedAt = UpdatedAt > earlier.UpdatedAt ? UpdatedAt : earlier.UpdatedAt;
    }
}

public static class KeyStates
{
    public const string Registered = "registered";
    public const string Synced = "synced";
    public const string Stuck = "stuck";
    public const string Orphaned = "orphaned";
    public const string Removed = "removed";
}
