using System.Security.Cryptography;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Entra Connect style values (KeySource AzureAD) around well-formed BCRYPT_RSAKEY_BLOB (RSA1) material
/// with a random 2048-bit modulus: unique per user and cheap (no RSA key generation for 10,000 users).
/// The decoder only inspects the blob layout, so this costs the scan exactly what a real key does.
/// </summary>
internal static class SyntheticEntraKeys
{
    private const int ModulusBytes = 256;
    private static readonly byte[] Exponent = [0x01, 0x00, 0x01];

    public static string DnBinaryValue(string ownerDn) =>
        KeyCredentialBuilder.BuildDnBinary(
            KeyCredentialSpec.EntraConnect(Rsa1Blob(), Guid.NewGuid(), DateTimeOffset.UtcNow), ownerDn);

    private static byte[] Rsa1Blob()
    {
        var modulus = new byte[ModulusBytes];
        RandomNumberGenerator.Fill(modulus);
        modulus[0] |= 0x80; // big-endian: top bit set, so the key really is 2048 bits
        modulus[^1] |= 0x01;
        return BCryptRsaKeyBlob.Create(ModulusBytes * 8, Exponent, modulus);
    }
}
