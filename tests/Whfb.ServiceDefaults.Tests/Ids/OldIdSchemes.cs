using System.Security.Cryptography;
using System.Text;

namespace Whfb.ServiceDefaults.Tests.Ids;

// Verbatim copies of the implementations before they moved to one helper: the pins below were first run against these.
internal static class OldIdSchemes
{
    public static Guid Sha1UuidV5(Guid namespaceId, string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(name, buffer);
        ReadOnlySpan<byte> nameBytes = buffer;
        var total = 16 + nameBytes.Length;
        var input = total <= 528 ? stackalloc byte[total] : new byte[total];
        namespaceId.TryWriteBytes(input[..16], bigEndian: true, out _);
        nameBytes.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public static Guid Sha256Uuid(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid Md5Guid(string text) => new(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
