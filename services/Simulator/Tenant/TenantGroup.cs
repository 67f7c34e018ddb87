using System.Text.Json.Nodes;

namespace Whfb.Simulator.Tenant;

/// <summary>A security group; members are user, device or group ids.</summary>
public sealed record TenantGroup
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public JsonObject ToGraph() => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = Id,
        ["displayName"] = DisplayName,
        ["securityEnabled"] = true,
        ["mailEnabled"] = false,
        ["groupTypes"] = new JsonArray(),
    };
}
