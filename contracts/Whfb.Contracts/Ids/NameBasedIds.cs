using System.Security.Cryptography;
using System.Text;

namespace Whfb.Contracts.Ids;

/// <summary>
/// The platform's deterministic ids: the same name always gives the same Guid, so a retry or a replay is recognised
/// by whoever stored or consumed the first one. Stored ids and message ids depend on every byte these functions
/// produce: never change one. A new need gets a new function, not a change to an existing one.
/// Lives in the contracts because message ids are part of the wire contract and every project, the CLI included,
/// references the contracts.
/// </summary>
public static class NameBasedIds
{
    /// <summary>
    /// Name-based UUID version 5 (RFC 9562 §5.5): SHA-1 of the namespace (big-endian) and the UTF-8 name, version and
    /// variant bits set. Device events and device reports.
    /// </summary>
    public static Guid Sha1UuidV5(Guid namespaceId, string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(name, buffer);
        return Sha1UuidV5(namespaceId, buffer);
    }

    /// <inheritdoc cref="Sha1UuidV5(Guid, string)"/>
    public static Guid Sha1UuidV5(Guid namespaceId, ReadOnlySpan<byte> name)
    {
        // One-shot hashing of namespace + name: an IncrementalHash per id costs an OpenSSL context per event.
        var length = 16 + name.Length;
        var input = length <= 528 ? stackalloc byte[length] : new byte[length];
        namespaceId.TryWriteBytes(input[..16], bigEndian: true, out _);
        name.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        return Versioned(hash[..16]);
    }

    /// <summary>
    /// The first 16 bytes of the SHA-256 of the UTF-8 name, with UUIDv5 version and variant bits, read big-endian.
    /// No namespace: the name carries the event kind. Sync tracker events.
    /// </summary>
    public static Guid Sha256Uuid(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        return Versioned(hash[..16]);
    }

    /// <summary>
    /// The MD5 of the UTF-8 name read as a Guid as is (<c>new Guid(byte[16])</c>, little-endian, no version bits).
    /// Key identities of the insights projections and the simulator's Intune device ids.
    /// </summary>
    public static Guid Md5Guid(string name) => new(MD5.HashData(Encoding.UTF8.GetBytes(name)));

    private static Guid Versioned(Span<byte> bytes)
    {
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
