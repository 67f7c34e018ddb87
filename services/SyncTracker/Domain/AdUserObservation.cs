namespace Whfb.SyncTracker.Domain;

/// <summary>An AD user with every msDS-KeyCredentialLink value it has now (a full picture of that user, not a diff).</summary>
public sealed record AdUserObservation(
    Guid ObjectGuid,
    string DistinguishedName,
    string? Sid,
    string? UserPrincipalName,
    bool AdminSdHolderProtected,
    IReadOnlyList<AdKeyValue> Values);

/// <summary>One decoded AD value: KeyID (base64), DeviceId and KeyCreationTime where present.</summary>
public sealed record AdKeyValue(string KeyId, Guid? DeviceId, DateTimeOffset? CreatedAt);
