namespace Whfb.Ingest.Model;

/// <summary>
/// A device collector's credential. Only the SHA-256 of the key is stored; the key itself is shown once, at creation.
/// Revoked keys are kept (revocation time and actor) for the audit trail.
/// </summary>
public sealed class CollectorKey
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 text.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The first characters of the key, so an admin can tell keys apart without the secret.</summary>
    public string KeyPrefix { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
