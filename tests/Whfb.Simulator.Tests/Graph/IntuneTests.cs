using System.Text.Json.Nodes;
using Microsoft.Graph.DeviceManagement.DeviceConfigurations.Item.Assign;
using Microsoft.Graph.Models;

namespace Whfb.Simulator.Tests.Graph;

public sealed class IntuneTests(GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task Settings_catalog_policy_create_assign_settings_update_delete()
    {
        using var raw = new RawGraph(emulator);
        const string Prefix = "device_vendor_msft_passportforwork_{tenantid}";
        var policy = new JsonObject
        {
            ["name"] = "WHfB", ["platforms"] = "windows10", ["technologies"] = "mdm",
            ["settings"] = new JsonArray(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationSetting",
                ["settingInstance"] = new JsonObject { ["settingDefinitionId"] = Prefix },
            }),
        };

        var (created, body) = await raw.JsonAsync(HttpMethod.Post, "beta/deviceManagement/configurationPolicies", policy);
        var id = body!["id"]!.GetValue<string>();
        var assign = new JsonObject { ["assignments"] = new JsonArray(Target("ring1")) };
        var (assigned, _) = await raw.JsonAsync(HttpMethod.Post, $"beta/deviceManagement/configurationPolicies/{id}/assign", assign);
        var (_, assignments) = await raw.JsonAsync(HttpMethod.Get, $"beta/deviceManagement/configurationPolicies/{id}/assignments");
        var (_, settings) = await raw.JsonAsync(HttpMethod.Get, $"beta/deviceManagement/configurationPolicies/{id}/settings");
        var (patched, _) = await raw.JsonAsync(HttpMethod.Patch, $"beta/deviceManagement/configurationPolicies/{id}", new JsonObject { ["name"] = "WHfB v2" });
        var (_, renamed) = await raw.JsonAsync(HttpMethod.Get, $"beta/deviceManagement/configurationPolicies/{id}");
        var (deleted, _) = await raw.JsonAsync(HttpMethod.Delete, $"beta/deviceManagement/configurationPolicies/{id}");
        var (gone, _) = await raw.JsonAsync(HttpMethod.Get, $"beta/deviceManagement/configurationPolicies/{id}");

        Assert.Equal([201, 200, 204, 204, 404], new[] { created, assigned, patched, deleted, gone });
        Assert.Equal("ring1", assignments!["value"]![0]!["target"]!["groupId"]!.GetValue<string>());
        Assert.Equal(Prefix, settings!["value"]![0]!["settingInstance"]!["settingDefinitionId"]!.GetValue<string>());
        Assert.Equal("WHfB v2", renamed!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custom_oma_configuration_through_the_SDK_with_assignment_and_device_statuses()
    {
        var client = emulator.Client();
        var configuration = new Windows10CustomConfiguration
        {
            DisplayName = "WHfB OMA-URI",
            OmaSettings =
            [
                new OmaSettingBoolean
                {
                    DisplayName = "UsePassportForWork",
                    OmaUri = $"./Device/Vendor/MSFT/PassportForWork/{GraphEmulatorFixture.TenantId}/Policies/UsePassportForWork",
                    Value = true,
                },
            ],
        };

        var created = (Windows10CustomConfiguration?)await client.DeviceManagement.DeviceConfigurations.PostAsync(configuration);
        await client.DeviceManagement.DeviceConfigurations[created!.Id].Assign.PostAsAssignPostResponseAsync(new AssignPostRequestBody
        {
            Assignments = [new DeviceConfigurationAssignment { Target = new GroupAssignmentTarget { GroupId = "ring2" } }],
        });
        emulator.Intune.DeviceConfigurations.SetDeviceStatus(created.Id!, new JsonObject
        {
            ["id"] = "s1", ["deviceDisplayName"] = "PC-001", ["status"] = "compliant", ["userPrincipalName"] = TestTenant.Upn(1),
        });

        var read = (Windows10CustomConfiguration?)await client.DeviceManagement.DeviceConfigurations[created.Id].GetAsync();
        var statuses = await client.DeviceManagement.DeviceConfigurations[created.Id].DeviceStatuses.GetAsync();

        Assert.True(((OmaSettingBoolean)Assert.Single(read!.OmaSettings!)).Value);
        Assert.Equal(["ring2"], emulator.Intune.DeviceConfigurations.AssignedGroups(created.Id!));
        Assert.Equal(ComplianceStatus.Compliant, Assert.Single(statuses!.Value!).Status);
    }

    private static JsonObject Target(string groupId) => new()
    {
        ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget", ["groupId"] = groupId },
    };
}
