using System.Globalization;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Tenant;

/// <summary>A Windows Hello for Business key registered in Entra for a user on a device.</summary>
public sealed record HelloMethod
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    /// <summary>The device's directory object id (for $expand=device), when the device is known.</summary>
    public string? DeviceObjectId { get; init; }

    /// <summary>The Entra device id the key is bound to (written as DeviceId into AD).</summary>
    public required Guid DeviceId { get; init; }

    public required string DisplayName { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    /// <summary>"normal", "weak" or "unknown".</summary>
    public string KeyStrength { get; init; } = "normal";

    /// <summary>The public key as BCRYPT_RSAKEY_BLOB ("RSA1"), what Entra Connect writes as KeyMaterial.</summary>
    public required ReadOnlyMemory<byte> KeyMaterial { get; init; }

    public JsonObject ToGraph(JsonObject? device = null)
    {
        var json = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
            ["id"] = Id,
            ["displayName"] = DisplayName,
            ["createdDateTime"] = CreatedDateTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["keyStrength"] = KeyStrength,
        };
        if (device is not null)
        {
            json["device"] = device;
        }

        return json;
    }
}
