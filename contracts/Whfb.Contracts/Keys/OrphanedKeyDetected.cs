namespace Whfb.Contracts.Keys;

/// <summary>An AD msDS-KeyCredentialLink value with no live Entra counterpart, after one sync cycle of grace.</summary>
public sealed record OrphanedKeyDetected(
    Guid EventId,
    Guid TenantId,
    Guid? UserId,
    string AdObjectDn,
    string AdKeyId,
    Guid? DeviceId,
    DateTimeOffset? KeyCreatedAt,
    OrphanReason Reason,
    DateTimeOffset DetectedAt);
