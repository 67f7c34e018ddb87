using System.Buffers.Binary;
using System.Security.Cryptography;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Tests.KeyCredentials;

/// <summary>Real RSA public keys in the three encodings found in msDS-KeyCredentialLink.</summary>
internal static class TestKeys
{
    private static readonly Lazy<RSA> Rsa2048 = new(() => RSA.Create(2048));

    public static RSA Rsa => Rsa2048.Value;

    public static byte[] BCryptBlob(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        var blob = new byte[24 + p.Exponent!.Length + p.Modulus!.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(blob, KeyMaterialInspector.BCryptRsaPublicMagic);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), rsa.KeySize);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(8), p.Exponent.Length);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(12), p.Modulus.Length);
        p.Exponent.CopyTo(blob, 24);
        p.Modulus.CopyTo(blob, 24 + p.Exponent.Length);
        return blob;
    }

    public static byte[] NgcKey() => BCryptBlob(Rsa);

    public static KeyCredentialSpec EntraSpec(Guid deviceId, DateTimeOffset created) =>
        KeyCredentialSpec.EntraConnect(NgcKey(), deviceId, created);
}
