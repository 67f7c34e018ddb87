using System.Text.Json.Nodes;
using Whfb.Simulator.Intune;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// The --assign-rings mode: what the Policy service would do through Graph when none drives the fleet. Creates the
/// settings-catalog WHfB policy (UsePassportForWork and RequireSecurityDevice true, definition ids with the literal
/// <c>{tenantid}</c> as the catalog has them) and assigns ring groups. Not the Policy service's RingAssigner (ring
/// membership through real Graph, gated by a rollout): this one writes the emulated Intune directly, on the scenario's schedule.
/// </summary>
public sealed class FleetRingAssigner(IntuneStore intune)
{
    private string? _policyId;

    public void AssignThrough(IReadOnlyList<string> ringGroupIds, int ring)
    {
        ArgumentNullException.ThrowIfNull(ringGroupIds);
        _policyId ??= intune.ConfigurationPolicies.Create(Policy())["id"]!.GetValue<string>();
        var assignments = ringGroupIds.Take(ring + 1).Select(groupId => new JsonObject
        {
            ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget", ["groupId"] = groupId },
        });
        intune.ConfigurationPolicies.Assign(_policyId, assignments);
    }

    private JsonObject Policy()
    {
        const string Prefix = "device_vendor_msft_passportforwork_{tenantid}";
        JsonObject Choice(string name) => new()
        {
            ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
            ["settingDefinitionId"] = $"{Prefix}_policies_{name}",
            ["choiceSettingValue"] = new JsonObject { ["value"] = $"{Prefix}_policies_{name}_true", ["children"] = new JsonArray() },
        };
        return new JsonObject
        {
            ["name"] = "WHfB hybrid key trust (simulator --assign-rings)",
            ["platforms"] = "windows10",
            ["technologies"] = "mdm",
            ["settings"] = new JsonArray(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationSetting",
                ["settingInstance"] = new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance",
                    ["settingDefinitionId"] = Prefix,
                    ["groupSettingCollectionValue"] = new JsonArray(new JsonObject
                    {
                        ["children"] = new JsonArray(Choice("usepassportforwork"), Choice("requiresecuritydevice")),
                    }),
                },
            }),
        };
    }
}
