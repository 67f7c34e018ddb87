namespace Whfb.SyncTracker.Domain;

/// <summary>A key Entra ID knows, from a device's event 300 or from Graph's windowsHelloForBusinessMethods.</summary>
public sealed record EntraKeyObservation(
    Guid UserId,
    string? UserPrincipalName,
    Guid? DeviceId,
    string? EntraKeyId,
    Guid? DeviceKeyId,
    DateTimeOffset CreatedAt)
{
    /// <summary>The AD KeyID, where the source exposes it (then matching is exact).</summary>
    public string? AdKeyId { get; init; }

    /// <summary>
    /// The user's security identifier as the device's event carries it (its Security/@UserID): for a domain account,
    /// the AD user's objectSid.
    /// </summary>
    public string? UserSid { get; init; }

    /// <summary>Graph's single GET with $expand=device answered for this key: <see cref="DeviceId"/> is its answer (null: Graph has none).</summary>
    public bool DeviceLookedUp { get; init; }
}
