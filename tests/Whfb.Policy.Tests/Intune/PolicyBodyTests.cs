using System.Text.Json.Nodes;
using Whfb.Policy.Intune;
using Whfb.Testing.Graph;

namespace Whfb.Policy.Tests.Intune;

/// <summary>What Intune receives, read back from the emulator's store: bodies exactly as DOMAIN.md gives them.</summary>
public sealed class PolicyBodyTests(IntuneEmulator emulator) : IClassFixture<IntuneEmulator>
{
    private const string Tenant = IntuneEmulator.TenantId;

    [Fact]
    public async Task Settings_catalog_policy_has_the_PassportForWork_group_collection_with_device_scope_choices()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var name = $"WHfB catalog {Guid.NewGuid():N}";
        var spec = new IntunePolicySpec(IntuneEmulator.TenantGuid, name, IntunePolicyMode.SettingsCatalog, new WhfbSettings(true, true, WhfbScope.Device));

        var result = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);

        var stored = emulator.Intune.ConfigurationPolicies.Get(result.Policy.PolicyId)!;
        Assert.True(result.Created);
        Assert.Equal(name, stored["name"]!.GetValue<string>());
        Assert.Equal("windows10", stored["platforms"]!.GetValue<string>());
        Assert.Equal("mdm", stored["technologies"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(ExpectedCatalogSettings("device", "true", "true"), stored["settings"]), stored["settings"]!.ToJsonString());
    }

    [Fact]
    public async Task Settings_catalog_user_scope_uses_the_user_prefix_and_a_false_security_device_choice()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var spec = new IntunePolicySpec(IntuneEmulator.TenantGuid, $"WHfB user {Guid.NewGuid():N}", IntunePolicyMode.SettingsCatalog,
            new WhfbSettings(true, false, WhfbScope.User));

        var result = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);

        var stored = emulator.Intune.ConfigurationPolicies.Get(result.Policy.PolicyId)!;
        Assert.True(JsonNode.DeepEquals(ExpectedCatalogSettings("user", "true", "false"), stored["settings"]), stored["settings"]!.ToJsonString());
    }

    [Theory]
    [InlineData(WhfbScope.Device, "Device")]
    [InlineData(WhfbScope.User, "User")]
    public async Task Custom_OMA_URI_configuration_has_boolean_PassportForWork_settings_with_the_tenant_id(WhfbScope scope, string root)
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var name = $"WHfB OMA {Guid.NewGuid():N}";
        var spec = new IntunePolicySpec(IntuneEmulator.TenantGuid, name, IntunePolicyMode.CustomOmaUri, new WhfbSettings(true, false, scope));

        var result = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);

        var stored = emulator.Intune.DeviceConfigurations.Get(result.Policy.PolicyId)!;
        Assert.Equal("#microsoft.graph.windows10CustomConfiguration", stored["@odata.type"]!.GetValue<string>());
        Assert.Equal(name, stored["displayName"]!.GetValue<string>());
        var settings = stored["omaSettings"]!.AsArray()
            .Select(s => (Type: s!["@odata.type"]!.GetValue<string>(), Uri: s["omaUri"]!.GetValue<string>(), Value: s["value"]!.GetValue<bool>()))
            .ToList();
        Assert.Equal(
            [
                ("#microsoft.graph.omaSettingBoolean", $"./{root}/Vendor/MSFT/PassportForWork/{Tenant}/Policies/UsePassportForWork", true),
                ("#microsoft.graph.omaSettingBoolean", $"./{root}/Vendor/MSFT/PassportForWork/{Tenant}/Policies/RequireSecurityDevice", false),
            ],
            settings);
    }

    [Fact]
    public async Task A_policy_for_another_tenant_is_refused_before_any_Graph_call()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var other = Guid.NewGuid();
        var spec = new IntunePolicySpec(other, "WHfB elsewhere", IntunePolicyMode.SettingsCatalog, new WhfbSettings(true, true, WhfbScope.Device));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Policies.EnsureAsync(spec, new GraphCaller(other, "mallory", null), CancellationToken.None));

        Assert.Contains(other.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Audit.Entries);
    }

    /// <summary>The body from DOMAIN.md: the ids keep the literal <c>{tenantid}</c>, never the tenant's GUID.</summary>
    private static JsonNode ExpectedCatalogSettings(string scope, string use, string requireDevice) =>
        PassportForWorkJson.Settings($"{scope}_vendor_msft_passportforwork_{{tenantid}}", use, requireDevice);
}
