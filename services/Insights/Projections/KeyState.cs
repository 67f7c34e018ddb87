namespace Whfb.Insights.Projections;

/// <summary>Current state of one user's key on one device (<see cref="DeviceId"/> is empty when unknown).</summary>
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
}

public static class KeyStates
{
    public const string Registered = "registered";
    public const string Synced = "synced";
    public const string Stuck = "stuck";
    public const string Orphaned = "orphaned";
    public const string Removed = "removed";
}
