using System.Text.Json;
using System.Text.Json.Serialization;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Cli.KeyCredentials;

/// <summary>One input value → one JSON line: the decoded key, or an error naming the line and the offset.</summary>
public static class KeyCredentialJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static (string Json, bool Failed) Decode(string input, int line)
    {
        if (!KeyCredentialInput.TryRead(input, out var credential, out var error))
        {
            var failure = new { line, error = error.Reason, location = error.Location.ToString().ToLowerInvariant(), offset = error.Offset, input = Shorten(input) };
            return (JsonSerializer.Serialize(failure, Options), true);
        }

        var output = new
        {
            line,
            version = (int)credential.Version >> 8,
            keyId = credential.KeyId,
            keyIdValid = credential.KeyIdValid,
            keyHashValid = credential.KeyHashValid,
            usage = credential.LegacyUsage ?? credential.Usage?.ToString(),
            source = credential.Source?.ToString(),
            deviceId = credential.DeviceId,
            creationTime = credential.CreationTime?.UtcDateTime,
            lastLogonTime = credential.LastLogonTime?.UtcDateTime,
            flags = credential.Flags?.ToString(),
            keyStrength = credential.KeyStrength?.ToString(),
            ownerDn = credential.OwnerDn,
            keyType = credential.KeyType,
            keySizeBits = credential.KeySizeBits,
            warnings = credential.Warnings.Count > 0 ? credential.Warnings : null,
        };
        return (JsonSerializer.Serialize(output, Options), false);
    }

    private static string Shorten(string input) => input.Length <= 80 ? input : input[..77] + "...";
}
