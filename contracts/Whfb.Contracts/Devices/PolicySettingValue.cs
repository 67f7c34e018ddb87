namespace Whfb.Contracts.Devices;

/// <summary>One PassportForWork registry value found on a device.</summary>
/// <param name="Name">Registry value name, sub-keys joined with a backslash (e.g. <c>PINComplexity\MinimumPINLength</c>).</param>
/// <param name="ScopeKey">The user SID of a user scope, the MDM tenant id of an MDM scope; null for computer GPO.</param>
public sealed record PolicySettingValue(PolicyScope Scope, string Name, string Value, string? ScopeKey);
