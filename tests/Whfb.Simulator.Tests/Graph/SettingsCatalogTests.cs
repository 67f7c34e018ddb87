using System.Text.Json.Nodes;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Whfb.Testing.Graph;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>
/// The settings catalog through the real SDK: PassportForWork definitions with the literal <c>{tenantid}</c>, and policies
/// that name a definition or option the catalog does not have refused with Intune's 400.
/// </summary>
public sealed class SettingsCatalogTests(GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    private const string Device = PassportForWorkJson.DevicePrefix;
    private const string Policies = "deviceManagement/configurationPolicies";

    [Fact]
    public async Task The_catalog_lists_the_PassportForWork_definitions_of_both_scopes_filtered_by_platform_and_technology()
    {
        var page = await SendAsync(Method.GET,
            "deviceManagement/configurationSettings?$filter=applicability/platform has 'windows10' and applicability/technologies has 'mdm'&$top=999");
        var none = await SendAsync(Method.GET, "deviceManagement/configurationSettings?$filter=applicability/platform has 'iOS'");

        var ids = page!["value"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(Device, ids);
        Assert.Contains($"{Device}_policies_usepassportforwork", ids);
        Assert.Contains($"{Device}_policies_requiresecuritydevice", ids);
        Assert.Contains("user_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork", ids);
        Assert.DoesNotContain(ids, id => id.Contains(GraphEmulatorFixture.TenantId, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(none!["value"]!.AsArray());
    }

    [Fact]
    public async Task A_definition_is_read_by_its_id_with_its_options_and_its_group()
    {
        var use = await SendAsync(Method.GET, $"deviceManagement/configurationSettings/{Device}_policies_usepassportforwork");
        var group = await SendAsync(Method.GET, $"deviceManagement/configurationSettings/{Device}");
        var error = await Assert.ThrowsAsync<ODataError>(() => SendAsync(Method.GET,
            $"deviceManagement/configurationSettings/device_vendor_msft_passportforwork_{GraphEmulatorFixture.TenantId}"));

        Assert.Equal("#microsoft.graph.deviceManagementConfigurationChoiceSettingDefinition", use!["@odata.type"]!.GetValue<string>());
        Assert.Equal([$"{Device}_policies_usepassportforwork_false", $"{Device}_policies_usepassportforwork_true"],
            use["options"]!.AsArray().Select(o => o!["itemId"]!.GetValue<string>()));
        Assert.Equal(Device, use["rootDefinitionId"]!.GetValue<string>());
        Assert.Contains($"{Device}_policies_requiresecuritydevice", group!["childIds"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(404, error.ResponseStatusCode);
    }

    [Fact]
    public async Task A_policy_with_catalog_ids_is_created_and_one_with_the_tenant_guid_in_them_is_refused_with_Intunes_400()
    {
        var created = await SendAsync(Method.POST, Policies, Policy(Device, "true"));
        var guidPrefix = $"device_vendor_msft_passportforwork_{GraphEmulatorFixture.TenantId}";

        var error = await Assert.ThrowsAsync<ODataError>(() => SendAsync(Method.POST, Policies, Policy(guidPrefix, "true")));

        Assert.NotNull(created!["id"]);
        Assert.Equal((400, "BadRequest"), (error.ResponseStatusCode, error.Error!.Code));
        var envelope = JsonNode.Parse(error.Error.Message!)!;
        Assert.Equal(3, envelope["_version"]!.GetValue<int>());
        Assert.Contains($"'{guidPrefix}' was not found", envelope["Message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Intune.ConfigurationPolicies.List(), p => p["settings"]!.ToJsonString().Contains(guidPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_option_the_definition_does_not_have_is_refused_on_create_update_and_replace()
    {
        var id = (await SendAsync(Method.POST, Policies, Policy(Device, "true")))!["id"]!.GetValue<string>();
        var stored = emulator.Intune.ConfigurationPolicies.Get(id)!["settings"]!.ToJsonString();
        var bad = Policy(Device, "yes");

        var errors = new[]
        {
            await Assert.ThrowsAsync<ODataError>(() => SendAsync(Method.POST, Policies, bad)),
            await Assert.ThrowsAsync<ODataError>(() => SendAsync(Method.PATCH, $"{Policies}/{id}", new JsonObject { ["settings"] = bad["settings"]!.DeepClone() })),
            await Assert.ThrowsAsync<ODataError>(() => SendAsync(Method.PUT, $"{Policies}/{id}", bad)),
        };

        Assert.All(errors, e => Assert.Equal(400, e.ResponseStatusCode));
        Assert.All(errors, e => Assert.Contains($"Selected Option {Device}_policies_requiresecuritydevice_yes does not match with the list of expected options: "
            + $"{Device}_policies_requiresecuritydevice_false, {Device}_policies_requiresecuritydevice_true", e.Error!.Message, StringComparison.Ordinal));
        Assert.Equal(stored, emulator.Intune.ConfigurationPolicies.Get(id)!["settings"]!.ToJsonString());
    }

    [Fact]
    public async Task A_user_scope_setting_under_the_device_group_is_not_found_there()
    {
        var policy = Policy(Device, "true");
        policy["settings"]![0]!["settingInstance"]!["groupSettingCollectionValue"]![0]!["children"]![0]!["settingDefinitionId"] =
            "user_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork";

        var error = await Assert.ThrowsAsync<ODataError>(() => SendAsync(Method.POST, Policies, policy));

        Assert.Contains($"was not found under '{Device}'", error.Error!.Message, StringComparison.Ordinal);
    }

    private Task<JsonNode?> SendAsync(Method method, string path, JsonNode? body = null) =>
        BetaJson.SendAsync(emulator.Client(), emulator.HttpsRoot, method, path, body);

    private static JsonObject Policy(string prefix, string requireDevice) => PassportForWorkJson.Policy(prefix, "true", requireDevice);
}
