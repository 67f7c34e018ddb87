using System.Buffers.Binary;

namespace Whfb.Directory.KeyCredentials;

/// <summary>Writes a blob from its entries; decode then encode gives back the same bytes.</summary>
public static class KeyCredentialEncoder
{
    public static byte[] Encode(KeyCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return Encode(credential.Version, credential.Entries);
    }

    public static byte[] Encode(KeyCredentialVersion version, IReadOnlyList<KeyCredentialEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var length = KeyCredentialEntryReader.VersionSize;
        foreach (var entry in entries)
        {
            if (entry.Value.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"Entry 0x{entry.Identifier:X2} is longer than {ushort.MaxValue} bytes", nameof(entries));
            }

            length += entry.EncodedLength(version);
        }

        var blob = new byte[length];
        BinaryPrimitives.WriteUInt32LittleEndian(blob, (uint)version);
        var offset = KeyCredentialEntryReader.VersionSize;
        foreach (var entry in entries)
        {
            offset = Write(blob, offset, entry, version);
        }

        return blob;
    }

    private static int Write(Span<byte> blob, int offset, KeyCredentialEntry entry, KeyCredentialVersion version)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(blob[offset..], (ushort)entry.Value.Length);
        blob[offset + 2] = entry.Identifier;
        offset += KeyCredentialEntryReader.HeaderSize;
        entry.Value.Span.CopyTo(blob[offset..]);
        offset += entry.Value.Length;
        if (entry.Padding is { } padding)
        {
            padding.Span.CopyTo(blob[offset..]);
        }

        return offset + entry.PaddingLength(version);
    }
}
