using System.Security.Cryptography;
using System.Text;

namespace Whfb.DeviceReports.Normalization;

/// <summary>Name-based UUID version 5 (RFC 9562 §5.5): SHA-1 of namespace and name, version and variant bits set.</summary>
public static class UuidV5
{
    public static Guid Create(Guid namespaceId, string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(name, buffer);
        return Create(namespaceId, buffer);
    }

    public static Guid Create(Guid namespaceId, ReadOnlySpan<byte> name)
    {
        // One-shot hashing of namespace + name: an IncrementalHash per id costs an OpenSSL context per event.
        var length = 16 + name.Length;
        var input = length <= 528 ? stackalloc byte[length] : new byte[length];
        namespaceId.TryWriteBytes(input[..16], bigEndian: true, out _);
        name.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
