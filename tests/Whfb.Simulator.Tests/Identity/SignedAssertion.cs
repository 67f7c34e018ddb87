using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;


namespace Whfb.Simulator.Tests.Identity;

/// <summary>A client assertion made by hand (to send what the SDK never would: expired, foreign audience, replayed).</summary>
internal static class SignedAssertion
{
    public static JsonObject Claims(string clientId, Uri audience, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        ["aud"] = audience.ToString(),
        ["iss"] = clientId,
        ["sub"] = clientId,
        ["jti"] = Guid.NewGuid().ToString(),
        ["nbf"] = now.ToUnixTimeSeconds(),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
    };

    /// <summary>PS256 with x5t#S256, as Microsoft's page on certificate credentials asks; RS256 with x5t as older clients send.</summary>
    public static string Sign(X509Certificate2 certificate, JsonObject claims, bool pss = true)
    {
        var header = pss
            ? new JsonObject { ["alg"] = "PS256", ["typ"] = "JWT", ["x5t#S256"] = Encode(certificate.GetCertHash(HashAlgorithmName.SHA256)) }
            : new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["x5t"] = Encode(certificate.GetCertHash(HashAlgorithmName.SHA1)) };
        var signed = $"{Encode(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()))}";
        using var key = certificate.GetRSAPrivateKey()!;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        return $"{signed}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}
