using System.Buffers.Binary;
using System.Security.Cryptography;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Tests.KeyCredentials;

public class KeyMaterialInspectorTests
{
    [Theory]
    [InlineData(1024)]
    [InlineData(2048)]
    [InlineData(3072)]
    public void Rsa_sizes_are_read_from_all_three_encodings(int bits)
    {
        using var rsa = RSA.Create(bits);

        AssertRsa(KeyMaterialInspector.Inspect(TestKeys.BCryptBlob(rsa)), bits, KeyMaterialFormat.BCryptRsaPublicBlob);
        AssertRsa(KeyMaterialInspector.Inspect(rsa.ExportSubjectPublicKeyInfo()), bits, KeyMaterialFormat.SubjectPublicKeyInfo);
        AssertRsa(KeyMaterialInspector.Inspect(rsa.ExportRSAPublicKey()), bits, KeyMaterialFormat.Pkcs1RsaPublicKey);
    }

    [Fact]
    public void Bcrypt_blob_shorter_than_its_declared_modulus_is_unknown()
    {
        var blob = TestKeys.NgcKey();

        Assert.Equal(KeyMaterialInfo.Unknown, KeyMaterialInspector.Inspect(blob.AsMemory(0, blob.Length - 1)));
    }

    [Fact]
    public void Bcrypt_blob_with_huge_lengths_is_unknown()
    {
        var blob = TestKeys.NgcKey();
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(8), uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(12), uint.MaxValue);

        Assert.Equal("unknown", KeyMaterialInspector.Inspect(blob).KeyType);
    }

    [Fact]
    public void Bit_length_inconsistent_with_modulus_bytes_is_unknown()
    {
        var blob = TestKeys.NgcKey();
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(4), 4096);

        Assert.Equal("unknown", KeyMaterialInspector.Inspect(blob).KeyType);
    }

    [Fact]
    public void Ec_subject_public_key_info_is_unknown()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(KeyMaterialInfo.Unknown, KeyMaterialInspector.Inspect(ec.ExportSubjectPublicKeyInfo()));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x30 })]
    [InlineData(new byte[] { 0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x80 })]
    [InlineData(new byte[] { 0x52, 0x53, 0x41, 0x31 })]
    public void Garbage_is_unknown_without_throwing(byte[] material)
    {
        Assert.Equal(KeyMaterialInfo.Unknown, KeyMaterialInspector.Inspect(material));
    }

    private static void AssertRsa(KeyMaterialInfo info, int bits, KeyMaterialFormat format)
    {
        Assert.Equal("RSA", info.KeyType);
        Assert.Equal(bits, info.KeySizeBits);
        Assert.Equal(format, info.Format);
    }
}
