using Microsoft.Graph.Models;

namespace Whfb.Policy.Intune;

/// <summary>
/// The custom OMA-URI form (windows10CustomConfiguration) through the PassportForWork CSP:
/// <c>./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork</c> and <c>…/RequireSecurityDevice</c>
/// as omaSettingBoolean (<c>./User/…</c> for user scope); tenant id lower case without braces.
/// </summary>
public static class OmaUriSettings
{
    public static string Uri(Guid tenantId, WhfbScope scope, string policy) =>
        $"./{(scope == WhfbScope.User ? "User" : "Device")}/Vendor/MSFT/PassportForWork/{tenantId:D}/Policies/{policy}";

    public static Windows10CustomConfiguration Configuration(IntunePolicySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Windows10CustomConfiguration
        {
            OdataType = "#microsoft.graph.windows10CustomConfiguration",
            DisplayName = spec.Name,
            Description = "Windows Hello for Business (managed by the WHfB platform Policy service)",
            OmaSettings = Settings(spec),
        };
    }

    public static List<OmaSetting> Settings(IntunePolicySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return
        [
            Boolean(spec, "UsePassportForWork", spec.Settings.UsePassportForWork),
            Boolean(spec, "RequireSecurityDevice", spec.Settings.RequireSecurityDevice),
        ];
    }

    /// <summary>Each setting as "type uri=value", sorted: equal fingerprints configure the same thing.</summary>
    public static IReadOnlyList<string> Fingerprint(IEnumerable<OmaSetting>? settings) =>
        (settings ?? []).Select(s => s switch
            {
                OmaSettingBoolean b => $"boolean {s.OmaUri}={b.Value}",
                OmaSettingInteger i => $"integer {s.OmaUri}={i.Value}",
                OmaSettingString t => $"string {s.OmaUri}={t.Value}",
                _ => $"{s.OdataType} {s.OmaUri}",
            })
            .Order(StringComparer.Ordinal)
            .ToList();

    private static OmaSettingBoolean Boolean(IntunePolicySpec spec, string policy, bool value) => new()
    {
        OdataType = "#microsoft.graph.omaSettingBoolean",
        DisplayName = policy,
        Description = $"PassportForWork {policy}",
        OmaUri = Uri(spec.TenantId, spec.Settings.Scope, policy),
        Value = value,
    };
}
