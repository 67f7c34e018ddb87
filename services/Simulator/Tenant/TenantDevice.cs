using System.Text.Json.Nodes;

namespace Whfb.Simulator.Tenant;

/// <summary>An Entra device: Id is the directory object id, DeviceId the device's own id (what keys carry).</summary>
public sealed record TenantDevice
{
    public required string Id { get; init; }

    public required Guid DeviceId { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>"ServerAd" for hybrid joined, "AzureAd" for Entra joined, "Workplace" for registered.</summary>
    public string TrustType { get; init; } = "ServerAd";

    /// <summary>The user the device is registered to (users/{id}/registeredDevices); null when none.</summary>
    public string? RegisteredUserId { get; init; }

    public JsonObject ToGraph() => new()
    {
        ["@odata.type"] = "#microsoft.graph.device",
        ["id"] = Id,
        ["deviceId"] = DeviceId.ToString(),
        ["displayName"] = DisplayName,
        ["accountEnabled"] = true,
        ["operatingSystem"] = "Windows",
        ["operatingSystemVersion"] = "10.0.22631.4602",
        ["trustType"] = TrustType,
    };
}
