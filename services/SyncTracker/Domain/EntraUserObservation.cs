namespace Whfb.SyncTracker.Domain;

/// <summary>A user as Graph describes it, with its on-premises anchors.</summary>
public sealed record EntraUserObservation(
    Guid UserId, string? UserPrincipalName, string? OnPremisesImmutableId, string? OnPremisesSecurityIdentifier)
{
    /// <summary>onPremisesImmutableId is base64 of the AD objectGUID by default; anything else gives null.</summary>
    public Guid? OnPremisesObjectGuid
    {
        get
        {
            Span<byte> bytes = stackalloc byte[18];
            return OnPremisesImmutableId is { } id && Convert.TryFromBase64String(id, bytes, out var written) && written == 16
                ? new Guid(bytes[..16])
                : null;
        }
    }

    public static string ImmutableIdOf(Guid objectGuid) => Convert.ToBase64String(objectGuid.ToByteArray());
}
