using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Whfb.Simulator.Identity;

/// <summary>
/// A client assertion as the token endpoint receives it (a JWT signed with the app's certificate): its header and claims,
/// and whether a given certificate signed it (PS256 as Microsoft's page asks, or RS256 as older clients send).
/// </summary>
public sealed class ClientAssertion
{
    private ClientAssertion(JsonElement header, JsonElement claims, string signed, byte[] signature)
    {
        Header = header;
        Claims = claims;
        _signed = signed;
        _signature = signature;
    }

    private readonly string _signed;
    private readonly byte[] _signature;

    public JsonElement Header { get; }

    public JsonElement Claims { get; }

    public string? Algorithm => Text(Header, "alg");

    /// <summary>
    /// The certificate the client sent with the assertion (x5c), if any: a JSON array as RFC 7515 has it, or the single
    /// string MSAL.NET sends.
    /// </summary>
    public X509Certificate2? SentCertificate
    {
        get
        {
            var first = !Header.TryGetProperty("x5c", out var chain) ? null : chain.ValueKind switch
            {
                JsonValueKind.Array when chain.GetArrayLength() > 0 => chain[0].GetString(),
                JsonValueKind.String => chain.GetString(),
                _ => null,
            };
            return first is null ? null : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(first));
        }
    }

    /// <summary>The assertion; null when it is not a JWT with JSON header and claims.</summary>
    public static ClientAssertion? Parse(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[0]));
            using var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1]));
            return new ClientAssertion(header.RootElement.Clone(), claims.RootElement.Clone(), $"{parts[0]}.{parts[1]}", WebEncoders.Base64UrlDecode(parts[2]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>True when the header names this certificate (x5t#S256 or x5t), or names none.</summary>
    public bool NamesOrOmits(X509Certificate2 certificate)
    {
        var sha256 = Text(Header, "x5t#S256");
        var sha1 = Text(Header, "x5t");
        return (sha256 is null || sha256 == WebEncoders.Base64UrlEncode(certificate.GetCertHash(HashAlgorithmName.SHA256)))
            && (sha1 is null || sha1 == WebEncoders.Base64UrlEncode(certificate.GetCertHash(HashAlgorithmName.SHA1)));
    }

    public bool IsSignedBy(X509Certificate2 certificate)
    {
        using var key = certificate.GetRSAPublicKey();
        var padding = Algorithm switch
        {
            "PS256" => RSASignaturePadding.Pss,
            "RS256" => RSASignaturePadding.Pkcs1,
            _ => null,
        };
        return key is not null && padding is not null
            && key.VerifyData(Encoding.ASCII.GetBytes(_signed), _signature, HashAlgorithmName.SHA256, padding);
    }

    public string? Claim(string name) => Text(Claims, name);

    /// <summary>A NumericDate claim; MSAL.NET writes nbf and exp as JSON strings of the number, which Entra accepts too.</summary>
    public DateTimeOffset? Time(string name)
    {
        if (!Claims.TryGetProperty(name, out var value))
        {
            return null;
        }

        var seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var text) => text,
            _ => (long?)null,
        };
        return seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
