using Whfb.Policy.Intune;

namespace Whfb.Policy.Tests.Intune;

/// <summary>Intune writes over the emulator's budget (5 requests per 2 s) get 429 + Retry-After and are retried.</summary>
public sealed class ThrottlingTests(ThrottledIntuneEmulator emulator) : IClassFixture<ThrottledIntuneEmulator>
{
    [Fact]
    public async Task Throttled_writes_are_retried_after_Retry_After_until_all_land()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller();
        var names = Enumerable.Range(0, 6).Select(i => $"WHfB throttled {i} {Guid.NewGuid():N}").ToList();

        var results = await Task.WhenAll(names.Select(name => host.Policies.EnsureAsync(
            new IntunePolicySpec(IntuneEmulator.TenantGuid, name, IntunePolicyMode.SettingsCatalog, new WhfbSettings(true, true, WhfbScope.Device)),
            caller, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(names.Order(), emulator.Intune.ConfigurationPolicies.List().Select(p => p["name"]!.GetValue<string>()).Where(names.Contains).Order());
        var calls = host.Audit.For(caller.RolloutId!.Value);
        Assert.Contains(calls, c => c.StatusCode == 429 && c.Method == "POST");
        Assert.Equal(6, calls.Count(c => c.Method == "POST" && c.StatusCode == 201));
    }

    [Fact]
    public async Task Throttled_batch_steps_go_round_again_until_every_users_devices_are_read()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller();

        var ring = await host.Rings.ResolveAsync(IntuneEmulator.Crowd, caller, CancellationToken.None);

        Assert.Equal(Enumerable.Range(2000, IntuneEmulator.CrowdSize).Select(IntuneEmulator.DeviceId).Order(), ring.DeviceIds.Order());
        var batches = host.Audit.For(caller.RolloutId!.Value).Where(c => c.Url.EndsWith("/$batch", StringComparison.Ordinal)).ToList();
        Assert.Contains(batches, b => b.ResponseBody!.Contains("\"status\":429", StringComparison.Ordinal));
    }
}
