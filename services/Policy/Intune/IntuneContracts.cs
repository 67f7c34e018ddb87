namespace Whfb.Policy.Intune;

/// <summary>How the WHfB policy is delivered: settings catalog (beta configurationPolicies) or custom OMA-URI.</summary>
public enum IntunePolicyMode
{
    SettingsCatalog,
    CustomOmaUri,
}

/// <summary>Device scope (./Device, device_vendor_…) or user scope (./User, user_vendor_…).</summary>
public enum WhfbScope
{
    Device,
    User,
}

/// <summary>The PassportForWork settings the policy carries.</summary>
public sealed record WhfbSettings(bool UsePassportForWork, bool RequireSecurityDevice, WhfbScope Scope);

/// <summary>What the policy should be: found by <paramref name="Name"/> in the tenant.</summary>
public sealed record IntunePolicySpec(Guid TenantId, string Name, IntunePolicyMode Mode, WhfbSettings Settings);

/// <summary>An Intune policy's id and the kind of resource it is.</summary>
public sealed record IntunePolicyHandle(string PolicyId, IntunePolicyMode Mode);

/// <summary>Outcome of <see cref="IIntunePolicyClient.EnsureAsync"/>.</summary>
public sealed record EnsureResult(IntunePolicyHandle Policy, bool Created, bool DriftRepaired);

/// <summary>Who asked, for the audit log of every Graph call.</summary>
public sealed record GraphCaller(Guid TenantId, string Actor, Guid? RolloutId);

/// <summary>
/// Ring membership from Graph (transitive members): the devices in the group and the users, with each member user's Windows
/// PCs (Intune primary user) among the devices.
/// </summary>
public sealed record RingMembership(
    Guid GroupId, IReadOnlyList<Guid> DeviceIds, IReadOnlyList<string> UserIds, IReadOnlyList<string> UserPrincipalNames);

/// <summary>One Graph request and its response, with who asked. Never carries the bearer token or the client secret.</summary>
public sealed record GraphAuditEntry(
    Guid TenantId,
    string Actor,
    Guid? RolloutId,
    string Method,
    string Url,
    string? RequestBody,
    int? StatusCode,
    string? ResponseBody,
    DateTimeOffset At,
    TimeSpan Duration);
