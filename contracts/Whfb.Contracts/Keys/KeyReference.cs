namespace Whfb.Contracts.Keys;

/// <summary>
/// Which WHfB key an event is about: the Entra user and, where known, the device and the key's ids on
/// both sides (Graph's method id, the AD KeyID as base64).
/// </summary>
public sealed record KeyReference(
    Guid TenantId,
    Guid UserId,
    string? UserPrincipalName,
    Guid? DeviceId,
    string? EntraKeyId,
    string? AdKeyId,
    DateTimeOffset CreatedInEntraAt);
