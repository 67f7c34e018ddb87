namespace Whfb.SyncTracker.Domain;

/// <summary>An Entra user and its on-premises anchors (from Graph), or only its id and UPN (from a device event).</summary>
public sealed class EntraUser
{
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public string? UserPrincipalName { get; set; }

    /// <summary>The AD objectGUID decoded from onPremisesImmutableId.</summary>
    public Guid? OnPremisesObjectGuid { get; set; }

    /// <summary>onPremisesSecurityIdentifier (the AD objectSid, S-1-5-…).</summary>
    public string? OnPremisesSid { get; set; }

    /// <summary>True once Graph described the user (so missing anchors mean "not synced from AD").</summary>
    public bool DescribedByGraph { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When Graph's last complete listing of the user's WHfB keys was asked for (null: never listed).</summary>
    public DateTimeOffset? KeysListedAt { get; set; }

    public uint Version { get; set; }

    public bool HasOnPremisesAnchor => OnPremisesObjectGuid is not null || OnPremisesSid is not null;
}
