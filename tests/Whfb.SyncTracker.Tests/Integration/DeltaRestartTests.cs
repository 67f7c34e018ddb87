using Microsoft.Extensions.DependencyInjection;
using Whfb.Simulator.Graph.Delta;
using Whfb.SyncTracker.Graph;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using Whfb.Testing.Graph;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>A stored users delta link Graph refuses (expired, reset, garbled) is dropped and a full round follows: no tick fails on it.</summary>
public sealed class DeltaRestartTests
{
    private static readonly TimeSpan Patience = SyncTrackerHost.Patience;

    [Fact]
    public async Task An_expired_stored_link_is_refused_with_400_and_the_next_tick_starts_a_full_round()
    {
        await using var emulator = await EmulatorScope<ShortTokensEmulator>.StartAsync(new ShortTokensEmulator());
        var graph = emulator.Graph;
        graph.CloudUser($"first-{Guid.NewGuid():N}@contoso.example");
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings());
        var traffic = host.Service.Services.GetRequiredService<GraphTraffic>();
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM graph_cursors WHERE link LIKE '%deltatoken%'") == 1, Patience);

        graph.CloudUser($"later-{Guid.NewGuid():N}@contoso.example");
        await Task.Delay(ShortTokensEmulator.Lifetime + TimeSpan.FromSeconds(1));
        await host.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1));

        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM entra_users WHERE described_by_graph") == 2, Patience);
        Assert.Equal(1, traffic.DeltaRestarts);
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM graph_cursors WHERE link LIKE '%deltatoken%'"));
    }

    [Fact]
    public async Task A_reset_410_and_a_garbled_stored_link_each_start_one_full_round()
    {
        await using var emulator = await EmulatorScope<GraphEmulator>.StartAsync(new GraphEmulator());
        var graph = emulator.Graph;
        graph.CloudUser($"first-{Guid.NewGuid():N}@contoso.example");
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings());
        var traffic = host.Service.Services.GetRequiredService<GraphTraffic>();
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM graph_cursors WHERE link LIKE '%deltatoken%'") == 1, Patience);

        graph.App.Services.GetRequiredService<DeltaTokens>().Reset();
        graph.CloudUser($"after-reset-{Guid.NewGuid():N}@contoso.example");
        await host.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM entra_users WHERE described_by_graph") == 2, Patience);
        Assert.Equal(1, traffic.DeltaRestarts);

        await host.ScalarAsync("UPDATE graph_cursors SET link = regexp_replace(link, 'deltatoken=.*$', 'deltatoken=garbled') RETURNING 1");
        graph.CloudUser($"after-garble-{Guid.NewGuid():N}@contoso.example");
        await host.AdvanceAsync(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM entra_users WHERE described_by_graph") == 3, Patience);

        Assert.Equal(2, traffic.DeltaRestarts);
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM graph_cursors WHERE link LIKE '%garbled%'"));
    }

    /// <summary>Delta tokens that live three seconds, so a stored link expires within a test.</summary>
    private sealed class ShortTokensEmulator : GraphEmulator
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Simulator:Graph:DeltaTokenLifetime"] = "00:00:03",
        };
    }
}
