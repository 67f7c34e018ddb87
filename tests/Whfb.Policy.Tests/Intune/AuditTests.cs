using Whfb.Policy.Intune;

namespace Whfb.Policy.Tests.Intune;

/// <summary>Every Graph request reaches the audit log with who asked, what was sent and what came back; never a secret.</summary>
public sealed class AuditTests(IntuneEmulator emulator) : IClassFixture<IntuneEmulator>
{
    [Fact]
    public async Task Each_Graph_call_is_recorded_with_caller_request_and_response()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller("bob@whfb.test");
        var name = $"WHfB audited {Guid.NewGuid():N}";
        var spec = new IntunePolicySpec(IntuneEmulator.TenantGuid, name, IntunePolicyMode.SettingsCatalog, new WhfbSettings(true, true, WhfbScope.Device));

        var policy = (await host.Policies.EnsureAsync(spec, caller, CancellationToken.None)).Policy;
        await host.Policies.AssignAsync(policy, [IntuneEmulator.RingA], caller, CancellationToken.None);

        var calls = host.Audit.For(caller.RolloutId!.Value);
        // list (find by name), create, read assignments, assign.
        Assert.Equal(["GET", "POST", "GET", "POST"], calls.Select(c => c.Method));
        Assert.All(calls, c =>
        {
            Assert.Equal("bob@whfb.test", c.Actor);
            Assert.Equal(IntuneEmulator.TenantGuid, c.TenantId);
            Assert.StartsWith(emulator.HttpsRoot + "beta/deviceManagement/configurationPolicies", c.Url, StringComparison.Ordinal);
            Assert.InRange(c.StatusCode ?? 0, 200, 299);
            Assert.NotNull(c.ResponseBody);
            Assert.True(c.Duration > TimeSpan.Zero);
        });
        var create = calls[1];
        Assert.Equal(201, create.StatusCode);
        Assert.Contains(name, create.RequestBody, StringComparison.Ordinal);
        Assert.Contains(policy.PolicyId, create.ResponseBody, StringComparison.Ordinal);
        Assert.Contains(IntuneEmulator.RingA.ToString(), calls[3].RequestBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_calls_are_recorded_with_their_status_and_nothing_secret_is_recorded()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller();
        var missing = new IntunePolicyHandle(Guid.NewGuid().ToString(), IntunePolicyMode.CustomOmaUri);

        await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() =>
            host.Policies.AssignedGroupsAsync(missing, caller, CancellationToken.None));
        await host.Rings.ResolveAsync(IntuneEmulator.RingA, caller, CancellationToken.None);

        var calls = host.Audit.For(caller.RolloutId!.Value);
        Assert.Equal(404, calls[0].StatusCode);
        Assert.Contains(missing.PolicyId, calls[0].Url, StringComparison.Ordinal);
        Assert.All(host.Audit.Entries, c =>
        {
            var text = string.Join("\n", c.Url, c.RequestBody, c.ResponseBody);
            Assert.DoesNotContain(IntuneEmulator.ClientSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("access_token", text, StringComparison.OrdinalIgnoreCase);
        });
    }
}
