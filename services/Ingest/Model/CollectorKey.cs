namespace Whfb.Ingest.Model;

/// <summary>
/// A collector's credential. Only the SHA-256 of the key is stored; the key itself is shown once, at creation or
/// enrollment. Revoked keys are kept (revocation time and actor) for the audit trail.
/// </summary>
public sealed class CollectorKey
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public CollectorKeyKind Kind { get; set; }

    /// <summary>What the key is for; for a device key, the device's name as it enrolled.</summary>
    public string Name { get; set; } = "";

    /// <summary>The Entra device id a device key is bound to; null for the other kinds.</summary>
    public Guid? DeviceId { get; set; }

    /// <summary>The enrollment key a device key was enrolled with.</summary>
    public Guid? EnrolledWith { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 text.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The first characters of the key, so an admin can tell keys apart without the secret.</summary>
    public string KeyPrefix { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>When the key last authenticated a request, written at most once per <see cref="IngestOptions.KeyLastUseInterval"/>.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
