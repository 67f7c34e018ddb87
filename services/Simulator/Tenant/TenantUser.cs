using System.Text.Json.Nodes;

namespace Whfb.Simulator.Tenant;

/// <summary>An Entra user; hybrid users carry their AD objectGUID (base64) and objectSid.</summary>
public sealed record TenantUser
{
    public required string Id { get; init; }

    public required string UserPrincipalName { get; init; }

    public required string DisplayName { get; init; }

    public string? OnPremisesImmutableId { get; init; }

    public string? OnPremisesSecurityIdentifier { get; init; }

    /// <summary>The AD DN (Graph exposes it as onPremisesDistinguishedName); where Entra Connect exports keys.</summary>
    public string? OnPremisesDistinguishedName { get; init; }

    public bool AccountEnabled { get; init; } = true;

    /// <summary>Change sequence number of the last change (users/delta).</summary>
    public long Version { get; init; }

    public bool Deleted { get; init; }

    public JsonObject ToGraph() => new()
    {
        ["id"] = Id,
        ["userPrincipalName"] = UserPrincipalName,
        ["displayName"] = DisplayName,
        ["accountEnabled"] = AccountEnabled,
        ["onPremisesSyncEnabled"] = OnPremisesImmutableId is null ? null : true,
        ["onPremisesImmutableId"] = OnPremisesImmutableId,
        ["onPremisesSecurityIdentifier"] = OnPremisesSecurityIdentifier,
        ["onPremisesDistinguishedName"] = OnPremisesDistinguishedName,
    };
}
