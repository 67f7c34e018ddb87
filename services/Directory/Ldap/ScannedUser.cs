namespace Whfb.Directory.Ldap;

/// <summary>One object returned by a scan, with its current values and the change against the baseline.</summary>
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

    /// <summary>Values not in the baseline (all values when there is no baseline).</summary>
    public IReadOnlyList<string> AddedValues { get; init; } = [];

    /// <summary>Baseline values no longer present.</summary>
    public IReadOnlyList<string> RemovedValues { get; init; } = [];

    public bool HasChanges => AddedValues.Count > 0 || RemovedValues.Count > 0;
}
