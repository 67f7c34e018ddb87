using System.Security.Cryptography;

namespace Whfb.Directory.KeyCredentials;

/// <summary>KeyID = SHA-256(KeyMaterial); KeyHash = SHA-256(every byte after the KeyHash entry).</summary>
public static class KeyCredentialIntegrity
{
    public const int HashLength = 32;

    public static byte[] ComputeKeyId(ReadOnlySpan<byte> keyMaterial) => SHA256.HashData(keyMaterial);

    public static bool KeyIdMatches(ReadOnlySpan<byte> keyMaterial, ReadOnlySpan<byte> keyId) => HashMatches(keyMaterial, keyId);

    public static bool HashMatches(ReadOnlySpan<byte> data, ReadOnlySpan<byte> expected)
    {
        if (expected.Length != HashLength)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(data, hash);
        return hash.SequenceEqual(expected);
    }
}
