using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Whfb.Policy.Intune;

namespace Whfb.Policy.Tests.Intune;

/// <summary>Writes are paced to Graph:WritesPerWindow per Graph:WriteWindow before they reach Graph; reads are not.</summary>
public sealed class WriteBudgetTests(IntuneEmulator emulator) : IClassFixture<IntuneEmulator>
{
    [Fact]
    public async Task Writes_beyond_the_budget_wait_for_the_window_and_none_is_throttled()
    {
        var settings = new Dictionary<string, string?>(emulator.ConnectionSettings())
        {
            ["Graph:WritesPerWindow"] = "3",
            ["Graph:WriteWindow"] = "00:00:01",
        };
        await using var host = await IntuneHost.StartAsync(settings);
        var caller = IntuneHost.Caller();
        var specs = Enumerable.Range(0, 7).Select(i => new IntunePolicySpec(
            IntuneEmulator.TenantGuid, $"WHfB paced {i} {Guid.NewGuid():N}", IntunePolicyMode.CustomOmaUri, new WhfbSettings(true, true, WhfbScope.Device)));
        await host.Rings.ResolveAsync(IntuneEmulator.RingA, IntuneHost.Caller(), CancellationToken.None); // token and connection warm
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(specs.Select(spec => host.Policies.EnsureAsync(spec, caller, CancellationToken.None)));

        // 7 writes at 3 per second: the 7th waits for the second window to pass.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30));
        Assert.All(results, r => Assert.True(r.Created));
        var posts = host.Audit.For(caller.RolloutId!.Value).Where(c => c.Method == "POST").OrderBy(c => c.At).ToList();
        Assert.Equal(7, posts.Count);
        Assert.All(posts, p => Assert.Equal(201, p.StatusCode));
        Assert.True(posts[6].At - posts[0].At >= TimeSpan.FromSeconds(1.5), $"{posts[0].At:O} … {posts[6].At:O}");
    }

    [Fact]
    public void Budget_settings_default_to_Intunes_limit_and_bad_values_are_named()
    {
        var valid = new Dictionary<string, string?>(emulator.ConnectionSettings());
        var defaults = IntuneConnection.Load(new ConfigurationBuilder().AddInMemoryCollection(valid).Build());
        valid["Graph:WritesPerWindow"] = "0";
        valid["Graph:WriteWindow"] = "soon";

        var error = Assert.Throws<InvalidOperationException>(() =>
            IntuneConnection.Load(new ConfigurationBuilder().AddInMemoryCollection(valid).Build()));

        Assert.Equal((100, TimeSpan.FromSeconds(20)), (defaults.WritesPerWindow, defaults.WriteWindow));
        Assert.Contains("Graph:WritesPerWindow", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:WriteWindow", error.Message, StringComparison.Ordinal);
    }
}
