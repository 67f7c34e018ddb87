using System.Text.Json.Nodes;
using Whfb.Policy.Intune;

namespace Whfb.Policy.Tests.Intune;

/// <summary>Idempotent create, drift repair and ring-by-ring assignments against the emulator, in both policy forms.</summary>
public sealed class EnsureAndAssignTests(IntuneEmulator emulator) : IClassFixture<IntuneEmulator>
{
    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    [Theory]
    [InlineData(IntunePolicyMode.SettingsCatalog)]
    [InlineData(IntunePolicyMode.CustomOmaUri)]
    public async Task Re_running_ensure_finds_the_policy_by_name_and_writes_nothing(IntunePolicyMode mode)
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var spec = Spec(mode);
        var first = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);
        var before = Count(mode);
        var caller = IntuneHost.Caller();

        var second = await host.Policies.EnsureAsync(spec, caller, CancellationToken.None);

        Assert.True(first.Created);
        Assert.Equal(new EnsureResult(first.Policy, Created: false, DriftRepaired: false), second);
        Assert.Equal(before, Count(mode));
        var calls = host.Audit.For(caller.RolloutId!.Value);
        Assert.NotEmpty(calls);
        Assert.DoesNotContain(calls, c => Writes.Contains(c.Method));
    }

    [Fact]
    public async Task Drifted_settings_catalog_choices_are_put_back()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var spec = Spec(IntunePolicyMode.SettingsCatalog);
        var id = (await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None)).Policy.PolicyId;
        var intended = emulator.Intune.ConfigurationPolicies.Get(id)!["settings"]!.ToJsonString();
        // Someone flips "require security device" to false in the portal.
        var drifted = JsonNode.Parse(intended.Replace("requiresecuritydevice_true", "requiresecuritydevice_false", StringComparison.Ordinal))!;
        emulator.Intune.ConfigurationPolicies.Update(id, new JsonObject { ["settings"] = drifted }, replace: false);

        var repaired = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);
        var again = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);

        Assert.Equal(new EnsureResult(new IntunePolicyHandle(id, IntunePolicyMode.SettingsCatalog), false, true), repaired);
        Assert.False(again.DriftRepaired);
        Assert.Equal(intended, emulator.Intune.ConfigurationPolicies.Get(id)!["settings"]!.ToJsonString());
    }

    [Theory]
    [InlineData(WhfbScope.Device)]
    [InlineData(WhfbScope.User)]
    public async Task A_policy_an_earlier_version_wrote_with_the_tenant_guid_in_its_ids_is_repaired_to_the_catalog_ids(WhfbScope scope)
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var spec = Spec(IntunePolicyMode.SettingsCatalog) with { Settings = new WhfbSettings(true, true, scope) };
        var intended = SettingsCatalogBody.Policy(spec);
        // Stored behind Graph's back: today's catalog would refuse these ids, as a real tenant does.
        var old = JsonNode.Parse(intended.ToJsonString().Replace("{tenantid}", IntuneEmulator.TenantId, StringComparison.Ordinal))!.AsObject();
        var id = emulator.Intune.ConfigurationPolicies.Create(old)["id"]!.GetValue<string>();

        var repaired = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);
        var again = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);

        Assert.Equal(new EnsureResult(new IntunePolicyHandle(id, IntunePolicyMode.SettingsCatalog), false, true), repaired);
        Assert.False(again.DriftRepaired);
        var stored = emulator.Intune.ConfigurationPolicies.Get(id)!["settings"]!.ToJsonString();
        Assert.Equal(intended["settings"]!.ToJsonString(), stored);
        Assert.DoesNotContain(IntuneEmulator.TenantId, stored, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Drifted_OMA_URI_settings_are_patched_back()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var spec = Spec(IntunePolicyMode.CustomOmaUri);
        var id = (await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None)).Policy.PolicyId;
        var oma = emulator.Intune.DeviceConfigurations.Get(id)!["omaSettings"]!.AsArray();
        oma.RemoveAt(1);
        oma[0]!["value"] = false;
        emulator.Intune.DeviceConfigurations.Update(id, new JsonObject { ["omaSettings"] = oma.DeepClone() }, replace: false);

        var repaired = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);

        Assert.True(repaired.DriftRepaired);
        var values = emulator.Intune.DeviceConfigurations.Get(id)!["omaSettings"]!.AsArray()
            .Select(s => (s!["omaUri"]!.GetValue<string>().Split('/')[^1], s["value"]!.GetValue<bool>())).ToList();
        Assert.Equal([("UsePassportForWork", true), ("RequireSecurityDevice", true)], values);
        Assert.Single(emulator.Intune.DeviceConfigurations.List(), c => c["displayName"]?.GetValue<string>() == spec.Name);
    }

    [Theory]
    [InlineData(IntunePolicyMode.SettingsCatalog)]
    [InlineData(IntunePolicyMode.CustomOmaUri)]
    public async Task Assignments_accumulate_ring_by_ring_and_are_removed_on_abort(IntunePolicyMode mode)
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var policy = (await host.Policies.EnsureAsync(Spec(mode), IntuneHost.Caller(), CancellationToken.None)).Policy;
        var (ring1, ring2) = (IntuneEmulator.RingA, IntuneEmulator.RingB);
        var collection = mode == IntunePolicyMode.SettingsCatalog ? emulator.Intune.ConfigurationPolicies : emulator.Intune.DeviceConfigurations;

        await host.Policies.AssignAsync(policy, [ring1], IntuneHost.Caller(), CancellationToken.None);
        var afterRing1 = collection.AssignedGroups(policy.PolicyId);
        await host.Policies.AssignAsync(policy, [ring1, ring2], IntuneHost.Caller(), CancellationToken.None);
        var read = await host.Policies.AssignedGroupsAsync(policy, IntuneHost.Caller(), CancellationToken.None);
        var unchanged = IntuneHost.Caller();
        await host.Policies.AssignAsync(policy, [ring2, ring1], unchanged, CancellationToken.None);
        await host.Policies.RemoveAssignmentsAsync(policy, IntuneHost.Caller(), CancellationToken.None);

        Assert.Equal([ring1.ToString()], afterRing1);
        Assert.Equal([ring1, ring2], read);
        Assert.DoesNotContain(host.Audit.For(unchanged.RolloutId!.Value), c => c.Method == "POST");
        Assert.Empty(collection.AssignedGroups(policy.PolicyId));
        Assert.Empty(await host.Policies.AssignedGroupsAsync(policy, IntuneHost.Caller(), CancellationToken.None));
    }

    [Fact]
    public async Task Assignment_targets_are_group_assignment_targets()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var policy = (await host.Policies.EnsureAsync(Spec(IntunePolicyMode.SettingsCatalog), IntuneHost.Caller(), CancellationToken.None)).Policy;

        await host.Policies.AssignAsync(policy, [IntuneEmulator.RingA], IntuneHost.Caller(), CancellationToken.None);

        var target = emulator.Intune.ConfigurationPolicies.Assignments(policy.PolicyId)!.Single()["target"]!;
        Assert.Equal("#microsoft.graph.groupAssignmentTarget", target["@odata.type"]!.GetValue<string>());
        Assert.Equal(IntuneEmulator.RingA.ToString(), target["groupId"]!.GetValue<string>());
    }

    private static IntunePolicySpec Spec(IntunePolicyMode mode) =>
        new(IntuneEmulator.TenantGuid, $"WHfB {mode} {Guid.NewGuid():N}", mode, new WhfbSettings(true, true, WhfbScope.Device));

    private int Count(IntunePolicyMode mode) => mode == IntunePolicyMode.SettingsCatalog
        ? emulator.Intune.ConfigurationPolicies.List().Count
        : emulator.Intune.DeviceConfigurations.List().Count;
}
