namespace Whfb.Directory.KeyCredentials;

/// <summary>
/// A decoded KEYCREDENTIALLINK_BLOB. Property names follow the JSON the CLI prints
/// (version, keyId, keyIdValid, keyHashValid, usage, source, deviceId, creationTime, lastLogonTime,
/// flags, keyStrength, ownerDn, keyType, keySizeBits). Memory-typed properties slice the decoded input.
/// </summary>
public sealed record KeyCredential
{
    public required KeyCredentialVersion Version { get; init; }

    /// <summary>KeyID as text: base64 for version 2, upper-case hex for versions 0 and 1.</summary>
    public string? KeyId { get; init; }

    public ReadOnlyMemory<byte> KeyIdBytes { get; init; }

    /// <summary>KeyID equals SHA-256(KeyMaterial).</summary>
    public bool KeyIdValid { get; init; }

    public ReadOnlyMemory<byte> KeyHash { get; init; }

    /// <summary>KeyHash equals SHA-256 of every byte after the KeyHash entry.</summary>
    public bool KeyHashValid { get; init; }

    public ReadOnlyMemory<byte> KeyMaterial { get; init; }

    public KeyUsage? Usage { get; init; }

    /// <summary>Legacy blobs store the usage as a UTF-8 string instead of a byte.</summary>
    public string? LegacyUsage { get; init; }

    public KeySource? Source { get; init; }

    public Guid? DeviceId { get; init; }

    public CustomKeyInformation? CustomKeyInformation { get; init; }

    public KeyCredentialFlags? Flags => CustomKeyInformation?.Flags;

    public KeyStrength? KeyStrength => CustomKeyInformation?.KeyStrength;

    public KeyTimeEncoding TimeEncoding { get; init; }

    /// <summary>KeyCreationTime in UTC; null when absent or out of range (see <see cref="Warnings"/>).</summary>
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>KeyApproximateLastLogonTimeStamp in UTC.</summary>
    public DateTimeOffset? LastLogonTime { get; init; }

    public long? CreationTimeRaw { get; init; }

    public long? LastLogonTimeRaw { get; init; }

    /// <summary>The owner DN when decoded from DN-Binary text.</summary>
    public string? OwnerDn { get; init; }

    public string KeyType => KeyMaterialInfo.KeyType;

    public int? KeySizeBits => KeyMaterialInfo.KeySizeBits;

    public KeyMaterialInfo KeyMaterialInfo { get; init; } = KeyMaterialInfo.Unknown;

    /// <summary>Every entry in blob order, for byte-identical re-encoding.</summary>
    public IReadOnlyList<KeyCredentialEntry> Entries { get; init; } = [];

    /// <summary>Identifiers outside 1..9, skipped.</summary>
    public IReadOnlyList<byte> UnknownEntryIds { get; init; } = [];

    /// <summary>Things worth telling that did not stop decoding (unknown entries, out-of-range times).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
