using System.Buffers.Binary;

namespace Whfb.Directory.KeyCredentials;

/// <summary>Splits a KEYCREDENTIALLINK_BLOB into its version and entries, without copying.</summary>
internal static class KeyCredentialEntryReader
{
    public const int HeaderSize = 3;
    public const int VersionSize = 4;

    public static KeyCredentialFormatError? Read(
        ReadOnlyMemory<byte> blob,
        out KeyCredentialVersion version,
        out List<KeyCredentialEntry> entries)
    {
        entries = [];
        version = default;
        var span = blob.Span;
        if (span.Length < VersionSize)
        {
            return KeyCredentialFormatError.Blob(0, $"Blob of {span.Length} bytes is shorter than its version field");
        }

        var raw = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (raw is not ((uint)KeyCredentialVersion.Version0 or (uint)KeyCredentialVersion.Version1 or (uint)KeyCredentialVersion.Version2))
        {
            return KeyCredentialFormatError.Blob(0, $"Unknown blob version 0x{raw:X8}");
        }

        version = (KeyCredentialVersion)raw;
        var offset = VersionSize;
        while (offset < span.Length)
        {
            if (span.Length - offset < HeaderSize)
            {
                return KeyCredentialFormatError.Blob(offset, "Truncated entry header");
            }

            int length = BinaryPrimitives.ReadUInt16LittleEndian(span[offset..]);
            var valueStart = offset + HeaderSize;
            if (length > span.Length - valueStart)
            {
                return KeyCredentialFormatError.Blob(offset, $"Entry length {length} exceeds the {span.Length - valueStart} bytes left");
            }

            ReadOnlyMemory<byte>? padding = null;
            var next = valueStart + length;
            if (version == KeyCredentialVersion.Version0)
            {
                // Legacy entries are 4-byte aligned; a last entry may come without its padding.
                var padLength = Math.Min(KeyCredentialEntry.AlignmentPadding(length), span.Length - next);
                padding = blob.Slice(next, padLength);
                next += padLength;
            }

            entries.Add(new KeyCredentialEntry(span[offset + 2], blob.Slice(valueStart, length), padding, offset));
            offset = next;
        }

        return null;
    }
}
