using System.Text.Json.Nodes;

namespace Whfb.Policy.Intune;

/// <summary>
/// The settings-catalog body of the WHfB policy (beta configurationPolicies): a group setting collection
/// <c>{scope}_vendor_msft_passportforwork_{tenantid}</c> whose children are the choice settings
/// <c>…_policies_usepassportforwork</c> and <c>…_policies_requiresecuritydevice</c> with values <c>…_true</c>/<c>…_false</c>.
/// The ids keep the literal text <c>{tenantid}</c>: that is how the catalog names the definitions, and Intune puts the
/// tenant into the CSP path only when it delivers the policy (a tenant GUID in the id names no definition).
/// </summary>
public static class SettingsCatalogBody
{
    public const string ChoiceType = "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance";
    public const string GroupCollectionType = "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance";

    /// <summary><c>device_vendor_msft_passportforwork_{tenantid}</c> or the <c>user_…</c> prefix, <c>{tenantid}</c> as literal text.</summary>
    public static string Prefix(WhfbScope scope) =>
        $"{(scope == WhfbScope.User ? "user" : "device")}_vendor_msft_passportforwork_{{tenantid}}";

    public static JsonObject Policy(IntunePolicySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new JsonObject
        {
            ["name"] = spec.Name,
            ["description"] = "Windows Hello for Business (managed by the WHfB platform Policy service)",
            ["platforms"] = "windows10",
            ["technologies"] = "mdm",
            ["roleScopeTagIds"] = new JsonArray("0"),
            ["settings"] = Settings(spec),
        };
    }

    public static JsonArray Settings(IntunePolicySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var prefix = Prefix(spec.Settings.Scope);
        return new JsonArray(new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationSetting",
            ["settingInstance"] = new JsonObject
            {
                ["@odata.type"] = GroupCollectionType,
                ["settingDefinitionId"] = prefix,
                ["groupSettingCollectionValue"] = new JsonArray(new JsonObject
                {
                    ["children"] = new JsonArray(
                        Choice(prefix, "usepassportforwork", spec.Settings.UsePassportForWork),
                        Choice(prefix, "requiresecuritydevice", spec.Settings.RequireSecurityDevice)),
                }),
            },
        });
    }

    /// <summary>
    /// What the settings say, independent of ids and formatting: every setting definition id with its value (choice
    /// values, or the group's own id), sorted. Two policies with equal fingerprints configure the same thing.
    /// </summary>
    public static IReadOnlyList<string> Fingerprint(IEnumerable<JsonNode?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var found = new List<string>();
        foreach (var setting in settings)
        {
            Collect(setting?["settingInstance"], found);
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Collect(JsonNode? instance, List<string> found)
    {
        if (instance?["settingDefinitionId"]?.GetValue<string>() is not { } definition)
        {
            return;
        }

        var choice = instance["choiceSettingValue"];
        found.Add($"{definition}={choice?["value"]?.GetValue<string>() ?? "(group)"}");
        var children = (choice?["children"] as JsonArray ?? [])
            .Concat((instance["groupSettingCollectionValue"] as JsonArray ?? []).SelectMany(v => v?["children"] as JsonArray ?? []));
        foreach (var child in children)
        {
            Collect(child, found);
        }
    }

    private static JsonObject Choice(string prefix, string name, bool value) => new()
    {
        ["@odata.type"] = ChoiceType,
        ["settingDefinitionId"] = $"{prefix}_policies_{name}",
        ["choiceSettingValue"] = new JsonObject
        {
            ["value"] = $"{prefix}_policies_{name}_{(value ? "true" : "false")}",
            ["children"] = new JsonArray(),
        },
    };
}
