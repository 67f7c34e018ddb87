namespace Whfb.Directory.KeyCredentials;

/// <summary>
/// One KEYCREDENTIALLINK_ENTRY as it appears in the blob. <see cref="Padding"/> is only used by version 0
/// (entries aligned to 4 bytes); null lets the encoder write zero padding.
/// </summary>
public readonly record struct KeyCredentialEntry(
    byte Identifier,
    ReadOnlyMemory<byte> Value,
    ReadOnlyMemory<byte>? Padding = null,
    int Offset = 0)
{
    public KeyCredentialEntry(KeyCredentialEntryId id, ReadOnlyMemory<byte> value)
        : this((byte)id, value)
    {
    }

    public KeyCredentialEntryId Id => (KeyCredentialEntryId)Identifier;

    /// <summary>True for identifiers 1..9 defined by MS-ADTS.</summary>
    public bool IsKnown => Identifier is >= 1 and <= 9;

    /// <summary>Bytes this entry occupies in the blob: 3-byte header, value, padding.</summary>
    public int EncodedLength(KeyCredentialVersion version) =>
        KeyCredentialEntryReader.HeaderSize + Value.Length + PaddingLength(version);

    internal int PaddingLength(KeyCredentialVersion version) =>
        Padding?.Length ?? (version == KeyCredentialVersion.Version0 ? AlignmentPadding(Value.Length) : 0);

    internal static int AlignmentPadding(int valueLength) => (4 - (valueLength % 4)) % 4;
}
