using System.Text.Json;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Policy;

/// <summary>
/// Flattens a registry key dumped as JSON (<c>{"Enabled": 1, "PINComplexity": {"Digits": 1}}</c>)
/// into values named with backslash-joined sub-keys. The properties PowerShell's
/// <c>Get-ItemProperty</c> adds (PSPath, PSParentPath, PSChildName, PSDrive, PSProvider) are skipped.
/// </summary>
internal static class RegistryValues
{
    private static readonly HashSet<string> PowerShellNoise = new(StringComparer.OrdinalIgnoreCase)
    {
        "PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider",
    };

    public static void Add(List<PolicySettingValue> into, JsonElement key, PolicyScope scope, string? scopeKey, string prefix = "")
    {
        if (key.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in key.EnumerateObject())
        {
            if (PowerShellNoise.Contains(property.Name))
                continue;
            var name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
                Add(into, property.Value, scope, scopeKey, name + "\\");
            else if (property.Value.ValueKind != JsonValueKind.Null)
                into.Add(new PolicySettingValue(scope, name, JsonValues.Text(property.Value), scopeKey));
        }
    }

    /// <summary>
    /// The MDM tree of one tenant: <c>Policies</c> directly under the tenant or under
    /// <c>Device</c> is device scope; <c>Policies</c> under any other key (a user SID) is user scope.
    /// </summary>
    public static void AddMdmTenant(List<PolicySettingValue> into, string tenantId, JsonElement tenant)
    {
        if (tenant.ValueKind != JsonValueKind.Object)
            return;
        foreach (var child in tenant.EnumerateObject())
        {
            if (child.Name.Equals("Policies", StringComparison.OrdinalIgnoreCase))
                Add(into, child.Value, PolicyScope.DeviceMdm, tenantId);
            else if (child.Value.ValueKind == JsonValueKind.Object && TryPolicies(child.Value, out var policies))
            {
                var isDevice = child.Name.Equals("Device", StringComparison.OrdinalIgnoreCase);
                Add(into, policies, isDevice ? PolicyScope.DeviceMdm : PolicyScope.UserMdm, isDevice ? tenantId : $"{tenantId}\\{child.Name}");
            }
        }
    }

    private static bool TryPolicies(JsonElement scope, out JsonElement policies)
    {
        foreach (var property in scope.EnumerateObject())
        {
            if (property.Name.Equals("Policies", StringComparison.OrdinalIgnoreCase))
            {
                policies = property.Value;
                return true;
            }
        }

        policies = default;
        return false;
    }
}
