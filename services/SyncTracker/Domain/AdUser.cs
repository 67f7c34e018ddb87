namespace Whfb.SyncTracker.Domain;

/// <summary>An AD user as the scans saw it.</summary>
public sealed class AdUser
{
    public Guid TenantId { get; set; }
    public Guid ObjectGuid { get; set; }
    public string? DistinguishedName { get; set; }
    public string? Sid { get; set; }
    public string? UserPrincipalName { get; set; }

    /// <summary>adminCount = 1: protected by AdminSDHolder, Entra Connect's export fails on it.</summary>
    public bool AdminSdHolderProtected { get; set; }

    /// <summary>A scan returned the user without readable msDS-KeyCredentialLink while keys were expected.</summary>
    public bool AttributeUnreadable { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public uint Version { get; set; }
}
