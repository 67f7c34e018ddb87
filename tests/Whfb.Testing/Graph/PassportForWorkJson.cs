using System.Text.Json.Nodes;

namespace Whfb.Testing.Graph;

/// <summary>
/// The WHfB settings-catalog policy written out by hand from DOMAIN.md ("Intune settings catalog"), as the portal sends it,
/// independent of any production builder: tests compare what a client sent, or send it themselves.
/// </summary>
public static class PassportForWorkJson
{
    public const string DevicePrefix = "device_vendor_msft_passportforwork_{tenantid}";

    /// <summary>The settings array: the group collection <paramref name="prefix"/> with the two choices' option suffixes.</summary>
    public static JsonArray Settings(string prefix, string use, string requireDevice) => JsonNode.Parse($$"""
        [{
          "@odata.type": "#microsoft.graph.deviceManagementConfigurationSetting",
          "settingInstance": {
            "@odata.type": "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance",
            "settingDefinitionId": "{{prefix}}",
            "groupSettingCollectionValue": [{
              "children": [
                {
                  "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                  "settingDefinitionId": "{{prefix}}_policies_usepassportforwork",
                  "choiceSettingValue": { "value": "{{prefix}}_policies_usepassportforwork_{{use}}", "children": [] }
                },
                {
                  "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                  "settingDefinitionId": "{{prefix}}_policies_requiresecuritydevice",
                  "choiceSettingValue": { "value": "{{prefix}}_policies_requiresecuritydevice_{{requireDevice}}", "children": [] }
                }
              ]
            }]
          }
        }]
        """)!.AsArray();

    /// <summary>A whole policy body with a fresh name.</summary>
    public static JsonObject Policy(string prefix, string use, string requireDevice) => new()
    {
        ["name"] = $"WHfB {Guid.NewGuid():N}",
        ["platforms"] = "windows10",
        ["technologies"] = "mdm",
        ["settings"] = Settings(prefix, use, requireDevice),
    };
}
