using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Whfb.Directory.KeyCredentials;

/// <summary>Builds new blobs: entries in identifier order, KeyID and KeyHash computed.</summary>
public static class KeyCredentialBuilder
{
    public static byte[] Build(KeyCredentialSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var entries = Entries(spec);
        var blob = KeyCredentialEncoder.Encode(spec.Version, entries);

        // KeyID (entry 0) and KeyHash (entry 1) come first; the hash covers every byte after KeyHash.
        var hashValueOffset = KeyCredentialEntryReader.VersionSize + entries[0].EncodedLength(spec.Version)
            + KeyCredentialEntryReader.HeaderSize;
        var afterHash = hashValueOffset + entries[1].Value.Length + entries[1].PaddingLength(spec.Version);
        SHA256.HashData(blob.AsSpan(afterHash), blob.AsSpan(hashValueOffset, KeyCredentialIntegrity.HashLength));
        return blob;
    }

    /// <summary>Builds the blob and formats it as a DN-Binary value owned by <paramref name="ownerDn"/>.</summary>
    public static string BuildDnBinary(KeyCredentialSpec spec, string ownerDn) => DnBinary.Format(Build(spec), ownerDn);

    private static List<KeyCredentialEntry> Entries(KeyCredentialSpec spec)
    {
        var entries = new List<KeyCredentialEntry>(9 + spec.AdditionalEntries.Count)
        {
            new(KeyCredentialEntryId.KeyId, KeyCredentialIntegrity.ComputeKeyId(spec.KeyMaterial.Span)),
            new(KeyCredentialEntryId.KeyHash, new byte[KeyCredentialIntegrity.HashLength]),
            new(KeyCredentialEntryId.KeyMaterial, spec.KeyMaterial),
            new(KeyCredentialEntryId.KeyUsage, spec.LegacyUsage is null ? new[] { (byte)spec.Usage } : Encoding.UTF8.GetBytes(spec.LegacyUsage)),
        };
        if (spec.Source is { } source)
        {
            entries.Add(new(KeyCredentialEntryId.KeySource, new[] { (byte)source }));
        }

        if (spec.DeviceId is { } deviceId)
        {
            entries.Add(new(KeyCredentialEntryId.DeviceId, deviceId.ToByteArray()));
        }

        if (spec.CustomKeyInformation is { } custom)
        {
            entries.Add(new(KeyCredentialEntryId.CustomKeyInformation, custom.ToBytes()));
        }

        var encoding = KeyCredentialTime.EncodingFor(spec.Version, spec.Source);
        AddTime(entries, KeyCredentialEntryId.KeyApproximateLastLogonTimeStamp, spec.LastLogonTime, encoding);
        AddTime(entries, KeyCredentialEntryId.KeyCreationTime, spec.CreationTime, encoding);
        entries.AddRange(spec.AdditionalEntries);
        return entries;
    }

    private static void AddTime(List<KeyCredentialEntry> entries, KeyCredentialEntryId id, DateTimeOffset? time, KeyTimeEncoding encoding)
    {
        if (time is { } value)
        {
            var bytes = new byte[sizeof(long)];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, KeyCredentialTime.Encode(value, encoding));
            entries.Add(new(id, bytes));
        }
    }
}
