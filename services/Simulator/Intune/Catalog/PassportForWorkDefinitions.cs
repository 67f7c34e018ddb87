namespace Whfb.Simulator.Intune.Catalog;

/// <summary>
/// The PassportForWork CSP as the settings catalog names it, for device scope (<c>./Device/…</c>,
/// <c>device_vendor_msft_passportforwork_{tenantid}</c>) and user scope (<c>./User/…</c>, <c>user_…</c>): a group collection
/// per scope whose children are choice settings with options <c>…_false</c> (0) and <c>…_true</c> (1). A subset of the real
/// catalog: the WHfB settings a hybrid key trust rollout uses, and a few neighbours.
/// </summary>
public static class PassportForWorkDefinitions
{
    private static readonly (string Name, string DisplayName, bool Default, bool UserScope)[] Policies =
    [
        ("UsePassportForWork", "Use Windows Hello For Business", true, true),
        ("RequireSecurityDevice", "Require Security Device", false, true),
        ("EnablePinRecovery", "Enable Pin Recovery", false, true),
        ("UseCertificateForOnPremAuth", "Use Certificate For On Prem Auth", false, false),
        ("UseCloudTrustForOnPremAuth", "Use Cloud Trust For On Prem Auth", false, false),
    ];

    public static IEnumerable<SettingDefinition> All() => Scope("device", "Device").Concat(Scope("user", "User"));

    private static IEnumerable<SettingDefinition> Scope(string prefix, string root)
    {
        var groupId = $"{prefix}_vendor_msft_passportforwork_{{tenantid}}";
        var baseUri = $"./{root}/Vendor/MSFT/PassportForWork";
        var children = Policies.Where(p => root == "Device" || p.UserScope).Select(p => Choice(groupId, baseUri, p.Name, p.DisplayName, p.Default)).ToList();
        yield return new SettingDefinition(groupId, SettingKind.GroupCollection, "{TenantId}", "Windows Hello For Business (" + root + ")",
            "Windows Hello for Business settings of the tenant; Intune puts the tenant id in the path on delivery.", baseUri, "/{0}", null)
        {
            ChildIds = [.. children.Select(c => c.Id)],
        };
        foreach (var child in children)
        {
            yield return child;
        }
    }

    private static SettingDefinition Choice(string groupId, string baseUri, string name, string displayName, bool byDefault)
    {
        var id = $"{groupId}_policies_{name.ToLowerInvariant()}";
        return new SettingDefinition(id, SettingKind.Choice, name, displayName, $"PassportForWork Policies/{name}", baseUri, $"/{{0}}/Policies/{name}", groupId)
        {
            Options = [($"{id}_false", "false", 0), ($"{id}_true", "true", 1)],
            DefaultOptionId = $"{id}_{(byDefault ? "true" : "false")}",
        };
    }
}
