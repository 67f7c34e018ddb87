using System.Text.Json.Nodes;

namespace Whfb.Simulator.Intune.Catalog;

/// <summary>What kind of setting a definition describes, which fixes the setting instance type a policy must use for it.</summary>
public enum SettingKind
{
    /// <summary>deviceManagementConfigurationSettingGroupCollectionDefinition: a collection of child settings.</summary>
    GroupCollection,

    /// <summary>deviceManagementConfigurationChoiceSettingDefinition: one value out of a list of options.</summary>
    Choice,
}

/// <summary>
/// One settings-catalog definition (deviceManagementConfigurationSettingDefinition). Ids keep the literal
/// <c>{tenantid}</c> of the CSP path: Intune fills in the tenant only when it delivers the policy to a device.
/// </summary>
public sealed record SettingDefinition(
    string Id, SettingKind Kind, string Name, string DisplayName, string Description, string BaseUri, string OffsetUri, string? RootDefinitionId)
{
    public const string CategoryId = "0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public IReadOnlyList<string> ChildIds { get; init; } = [];

    /// <summary>Option item ids of a choice setting, each with the integer the device receives.</summary>
    public IReadOnlyList<(string ItemId, string Name, int Value)> Options { get; init; } = [];

    public string? DefaultOptionId { get; init; }

    public string InstanceType => Kind == SettingKind.Choice
        ? "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance"
        : "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance";

    public JsonObject ToGraph()
    {
        var json = new JsonObject
        {
            ["@odata.type"] = Kind == SettingKind.Choice
                ? "#microsoft.graph.deviceManagementConfigurationChoiceSettingDefinition"
                : "#microsoft.graph.deviceManagementConfigurationSettingGroupCollectionDefinition",
            ["id"] = Id,
            ["name"] = Name,
            ["displayName"] = DisplayName,
            ["description"] = Description,
            ["helpText"] = Description,
            ["version"] = "1",
            ["baseUri"] = BaseUri,
            ["offsetUri"] = OffsetUri,
            ["rootDefinitionId"] = RootDefinitionId ?? Id,
            ["categoryId"] = CategoryId,
            ["settingUsage"] = "configuration",
            ["uxBehavior"] = Kind == SettingKind.Choice ? "toggle" : "default",
            ["visibility"] = "settingsCatalog",
            ["accessTypes"] = "add,copy,delete,get,replace",
            ["keywords"] = new JsonArray("PassportForWork", "Windows Hello for Business"),
            ["infoUrls"] = new JsonArray("https://learn.microsoft.com/windows/client-management/mdm/passportforwork-csp"),
            ["applicability"] = new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationWindowsSettingApplicability",
                ["platform"] = "windows10",
                ["technologies"] = "mdm",
                ["deviceMode"] = "none",
            },
            ["occurrence"] = new JsonObject { ["minDeviceOccurrence"] = Kind == SettingKind.Choice ? 1 : 0, ["maxDeviceOccurrence"] = 1 },
        };
        if (Kind == SettingKind.Choice)
        {
            json["options"] = new JsonArray([.. Options.Select(o => (JsonNode)new JsonObject
            {
                ["itemId"] = o.ItemId,
                ["name"] = o.Name,
                ["displayName"] = o.Name,
                ["optionValue"] = new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue",
                    ["value"] = o.Value,
                },
            })]);
            json["defaultOptionId"] = DefaultOptionId;
        }
        else
        {
            json["childIds"] = new JsonArray([.. ChildIds.Select(c => (JsonNode)c)]);
            json["minimumCount"] = 1;
            json["maximumCount"] = 1;
        }

        return json;
    }
}
