using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Whfb.Directory.Ldap;

/// <summary>
/// The name under which OpenSSL looks a CA up in a certificate directory (<c>openssl x509 -hash</c>, the <c>HASH.0</c> files
/// of <c>c_rehash</c>): SHA-1 of the subject in OpenSSL's canonical form (text attributes as UTF-8, trimmed, inner
/// whitespace collapsed, ASCII lower-cased; the RDN sets without the outer sequence), first four bytes little-endian.
/// </summary>
internal static class OpenSslNameHash
{
    public static string Of(X500DistinguishedName subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var digest = SHA1.HashData(Canonical(subject.RawData));
        var value = digest[0] | ((uint)digest[1] << 8) | ((uint)digest[2] << 16) | ((uint)digest[3] << 24);
        return value.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Canonical(byte[] name)
    {
        var rdns = new AsnReader(name, AsnEncodingRules.DER).ReadSequence();
        var writer = new AsnWriter(AsnEncodingRules.DER);
        while (rdns.HasData)
        {
            var set = rdns.ReadSetOf();
            using (writer.PushSetOf())
            {
                while (set.HasData)
                {
                    var attribute = set.ReadSequence();
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(attribute.ReadObjectIdentifier());
                        WriteCanonicalValue(writer, attribute);
                    }
                }
            }
        }

        // OpenSSL hashes the RDN sets one after the other, without the SEQUENCE around them.
        var sequence = new AsnReader(writer.Encode(), AsnEncodingRules.DER);
        var content = new List<byte>();
        while (sequence.HasData)
        {
            content.AddRange(sequence.ReadEncodedValue().ToArray());
        }

        return [.. content];
    }

    private static void WriteCanonicalValue(AsnWriter writer, AsnReader attribute)
    {
        var tag = attribute.PeekTag();
        var text = tag.TagClass == TagClass.Universal ? Decode(attribute, (UniversalTagNumber)tag.TagValue) : null;
        if (text is null)
        {
            writer.WriteEncodedValue(attribute.ReadEncodedValue().Span);
            return;
        }

        writer.WriteCharacterString(UniversalTagNumber.UTF8String, Canonicalize(text));
    }

    /// <summary>
    /// The text of the string types OpenSSL canonicalizes, read as OpenSSL reads them (the one-byte types byte per
    /// character, without .NET's strict character checks); null for any other type (kept as encoded).
    /// </summary>
    private static string? Decode(AsnReader attribute, UniversalTagNumber type)
    {
        Encoding? encoding = type switch
        {
            UniversalTagNumber.UTF8String => Encoding.UTF8,
            UniversalTagNumber.BMPString => Encoding.BigEndianUnicode,
            UniversalTagNumber.UniversalString => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
            UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String or UniversalTagNumber.VisibleString
                or UniversalTagNumber.T61String => Encoding.Latin1,
            _ => null,
        };
        if (encoding is null)
        {
            return null;
        }

        var encoded = attribute.ReadEncodedValue().Span;
        AsnDecoder.ReadEncodedValue(encoded, AsnEncodingRules.BER, out var offset, out var length, out _);
        return encoding.GetString(encoded.Slice(offset, length));
    }

    private static string Canonicalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var trimmed = text.Trim(' ', '\t', '\n', '\v', '\f', '\r');
        var lastWasSpace = false;
        foreach (var c in trimmed)
        {
            var space = c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
            if (!space || !lastWasSpace)
            {
                builder.Append(space ? ' ' : c < 128 ? char.ToLowerInvariant(c) : c);
            }

            lastWasSpace = space;
        }

        return builder.ToString();
    }
}
