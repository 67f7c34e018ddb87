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
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
        {
            Span<byte> ns = stackalloc byte[16];
            namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
            sha1.AppendData(ns);
            sha1.AppendData(name);
            sha1.GetHashAndReset(hash);
        }

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
