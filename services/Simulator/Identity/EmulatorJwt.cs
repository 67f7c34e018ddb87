using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Whfb.Simulator.Identity;

/// <summary>
/// Access tokens shaped as Entra's (a JWT whose payload carries <c>tid</c>, <c>appid</c>, <c>roles</c>…), so a client
/// can read its granted roles from the token as it would from a real one. Signed with HS256 and a key that lives as long
/// as the emulator: only the emulator itself has to verify them.
/// </summary>
internal sealed class EmulatorJwt
{
    private static readonly string Header = WebEncoders.Base64UrlEncode("""{"typ":"JWT","alg":"HS256"}"""u8.ToArray());
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Sign(JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var signed = $"{Header}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(claims.ToJsonString()))}";
        return $"{signed}.{WebEncoders.Base64UrlEncode(Signature(signed))}";
    }

    /// <summary>The payload of a token this emulator signed, otherwise null (malformed, foreign or tampered).</summary>
    public JsonElement? Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return null;
        }

        try
        {
            var signature = WebEncoders.Base64UrlDecode(parts[2]);
            if (!CryptographicOperations.FixedTimeEquals(signature, Signature($"{parts[0]}.{parts[1]}")))
            {
                return null;
            }

            using var payload = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1]));
            return payload.RootElement.Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private byte[] Signature(string signed) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed));
}
