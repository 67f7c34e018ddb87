using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Numerics;

namespace Whfb.Directory.KeyCredentials;

/// <summary>Recognizes RSA public keys (BCRYPT_RSAKEY_BLOB, SubjectPublicKeyInfo, PKCS#1) without importing them.</summary>
public static class KeyMaterialInspector
{
    /// <summary>"RSA1" little-endian: BCRYPT_RSAPUBLIC_MAGIC.</summary>
    public const uint BCryptRsaPublicMagic = 0x31415352;

    private const int BCryptHeaderSize = 24;
    private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";

    public static KeyMaterialInfo Inspect(ReadOnlyMemory<byte> material)
    {
        var span = material.Span;
        if (span.Length >= BCryptHeaderSize && BinaryPrimitives.ReadUInt32LittleEndian(span) == BCryptRsaPublicMagic)
        {
            return InspectBCrypt(span);
        }

        return span.Length > 0 && span[0] == 0x30 ? InspectDer(material) : KeyMaterialInfo.Unknown;
    }

    private static KeyMaterialInfo InspectBCrypt(ReadOnlySpan<byte> blob)
    {
        var bitLength = BinaryPrimitives.ReadUInt32LittleEndian(blob[4..]);
        var publicExponentLength = BinaryPrimitives.ReadUInt32LittleEndian(blob[8..]);
        var modulusLength = BinaryPrimitives.ReadUInt32LittleEndian(blob[12..]);
        var needed = (ulong)BCryptHeaderSize + publicExponentLength + modulusLength;
        var consistent = modulusLength > 0
            && needed <= (ulong)blob.Length
            && bitLength <= (ulong)modulusLength * 8
            && bitLength > ((ulong)modulusLength - 1) * 8;
        return consistent
            ? new KeyMaterialInfo(KeyMaterialInfo.Rsa, (int)bitLength, KeyMaterialFormat.BCryptRsaPublicBlob)
            : KeyMaterialInfo.Unknown;
    }

    private static KeyMaterialInfo InspectDer(ReadOnlyMemory<byte> der)
    {
        try
        {
            var bits = ReadSubjectPublicKeyInfo(der);
            if (bits is not null)
            {
                return new KeyMaterialInfo(KeyMaterialInfo.Rsa, bits, KeyMaterialFormat.SubjectPublicKeyInfo);
            }

            bits = ReadRsaPublicKey(der);
            return bits is null
                ? KeyMaterialInfo.Unknown
                : new KeyMaterialInfo(KeyMaterialInfo.Rsa, bits, KeyMaterialFormat.Pkcs1RsaPublicKey);
        }
        catch (AsnContentException)
        {
            return KeyMaterialInfo.Unknown;
        }
    }

    /// <summary>SEQUENCE { SEQUENCE { OID, params }, BIT STRING { RSAPublicKey } }; null when not RSA SPKI.</summary>
    private static int? ReadSubjectPublicKeyInfo(ReadOnlyMemory<byte> der)
    {
        var spki = new AsnReader(der, AsnEncodingRules.DER);
        var outer = spki.ReadSequence();
        spki.ThrowIfNotEmpty();
        if (!outer.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            return null;
        }

        var algorithm = outer.ReadSequence();
        if (algorithm.ReadObjectIdentifier() != RsaEncryptionOid)
        {
            return null;
        }

        if (!outer.TryReadPrimitiveBitString(out var unused, out var key) || unused != 0)
        {
            return null;
        }

        outer.ThrowIfNotEmpty();
        return ReadRsaPublicKey(key);
    }

    /// <summary>SEQUENCE { INTEGER modulus, INTEGER publicExponent }; null when the modulus is not positive.</summary>
    private static int? ReadRsaPublicKey(ReadOnlyMemory<byte> der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var modulus = sequence.ReadIntegerBytes().Span;
        sequence.ReadIntegerBytes();
        sequence.ThrowIfNotEmpty();
        if (modulus.IsEmpty || (modulus[0] & 0x80) != 0)
        {
            return null;
        }

        if (modulus[0] == 0)
        {
            modulus = modulus[1..];
        }

        return modulus.IsEmpty ? null : ((modulus.Length - 1) * 8) + (32 - BitOperations.LeadingZeroCount((uint)modulus[0]));
    }
}
