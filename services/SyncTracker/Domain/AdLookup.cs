namespace Whfb.SyncTracker.Domain;

/// <summary>
/// The last time an Entra user was read from AD by its anchors (a key of it waited past one sync cycle and no scan had
/// returned its AD user): which anchors, when, and whether AD has no user by them. Kept per user, so the lookup repeats
/// at most once a cycle, also across restarts; only users ever looked up have one.
/// </summary>
public sealed class AdLookup
{
    public Guid TenantId { get; set; }
    public Guid EntraUserId { get; set; }

    /// <summary>The objectGUID looked up (the user's onPremisesImmutableId then).</summary>
    public Guid? ObjectGuid { get; set; }

    /// <summary>The objectSid looked up (the user's onPremisesSecurityIdentifier then).</summary>
    public string? Sid { get; set; }

    public DateTimeOffset LookedUpAt { get; set; }

    /// <summary>AD answered "no such object" for these anchors: the user is confirmed absent from AD, not merely unseen.</summary>
    public bool ConfirmedAbsent { get; set; }

    public uint Version { get; set; }

    public bool IsFor(Guid? objectGuid, string? sid) =>
        ObjectGuid == objectGuid && string.Equals(Sid, sid, StringComparison.OrdinalIgnoreCase);

    public bool IsFor(EntraUser user) => IsFor(user.OnPremisesObjectGuid, user.OnPremisesSid);

    /// <summary>Absent by the anchors the user has now (new anchors from Graph void an older answer).</summary>
    public bool ConfirmsAbsent(EntraUser user) => ConfirmedAbsent && IsFor(user);
}

/// <summary>An Entra user to read from AD by its anchors (objectGUID from onPremisesImmutableId, else the objectSid).</summary>
public sealed record AdLookupRequest(Guid EntraUserId, Guid? ObjectGuid, string? Sid);
