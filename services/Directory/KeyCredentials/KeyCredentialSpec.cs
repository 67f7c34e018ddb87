namespace Whfb.Directory.KeyCredentials;

/// <summary>What <see cref="KeyCredentialBuilder"/> puts into a new blob (KeyID and KeyHash are computed).</summary>
public sealed record KeyCredentialSpec
{
    public required ReadOnlyMemory<byte> KeyMaterial { get; init; }

    public KeyCredentialVersion Version { get; init; } = KeyCredentialVersion.Version2;

    public KeyUsage Usage { get; init; } = KeyUsage.Ngc;

    /// <summary>When set, KeyUsage is written as this UTF-8 string (legacy form) instead of a byte.</summary>
    public string? LegacyUsage { get; init; }

    /// <summary>Null leaves the KeySource entry out (times are then FILETIME in version 2).</summary>
    public KeySource? Source { get; init; } = KeySource.AD;

    public Guid? DeviceId { get; init; }

    public CustomKeyInformation? CustomKeyInformation { get; init; }

    public DateTimeOffset? LastLogonTime { get; init; }

    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>Entries appended after the known ones (for example unknown identifiers, in tests).</summary>
    public IReadOnlyList<KeyCredentialEntry> AdditionalEntries { get; init; } = [];

    /// <summary>
    /// What Microsoft Entra Connect writes for a hybrid key trust NGC key: KeySource AzureAD, the Entra
    /// device id, KeyCreationTime as <c>DateTime.ToBinary()</c>, and the long CUSTOM_KEY_INFORMATION
    /// with 9 reserved bytes.
    /// </summary>
    public static KeyCredentialSpec EntraConnect(ReadOnlyMemory<byte> keyMaterial, Guid deviceId, DateTimeOffset created) => new()
    {
        KeyMaterial = keyMaterial,
        Usage = KeyUsage.Ngc,
        Source = KeySource.AzureAD,
        DeviceId = deviceId,
        CreationTime = created,
        CustomKeyInformation = CustomKeyInformation.CreateLong(KeyCredentialFlags.None, reservedLength: 9),
    };
}
