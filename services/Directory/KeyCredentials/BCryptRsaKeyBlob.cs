using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Whfb.Directory.KeyCredentials;

/// <summary>
/// Writes BCRYPT_RSAKEY_BLOB public keys ("RSA1" header, bit length, exponent and modulus lengths, then both
/// big-endian): the KeyMaterial of user NGC keys. Used by the simulator to fabricate Entra-registered keys.
/// </summary>
public static class BCryptRsaKeyBlob
{
    public const int HeaderSize = 24;

    public static byte[] Create(int bitLength, ReadOnlySpan<byte> exponent, ReadOnlySpan<byte> modulus)
    {
        var blob = new byte[HeaderSize + exponent.Length + modulus.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(blob, KeyMaterialInspector.BCryptRsaPublicMagic);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), bitLength);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(8), exponent.Length);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(12), modulus.Length);
        exponent.CopyTo(blob.AsSpan(HeaderSize));
        modulus.CopyTo(blob.AsSpan(HeaderSize + exponent.Length));
        return blob;
    }

    public static byte[] FromPublicKey(RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        var p = rsa.ExportParameters(false);
        return Create(rsa.KeySize, p.Exponent, p.Modulus);
    }
}
