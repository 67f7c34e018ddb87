namespace Whfb.Directory.Ldap;

/// <summary>One object returned by a scan, with its current values.</summary>
public sealed record ScannedUser
{
    public required Guid ObjectGuid { get; init; }

    public required string DistinguishedName { get; init; }

    /// <summary>S-1-5-... text.</summary>
    public string? ObjectSid { get; init; }

    public string? UserPrincipalName { get; init; }

    public long UsnChanged { get; init; }

    /// <summary>1 for AdminSDHolder-protected accounts (Entra Connect export fails on them).</summary>
    public int? AdminCount { get; init; }

    public IReadOnlyList<ScannedKeyValue> Values { get; init; } = [];
}
