using Microsoft.Extensions.DependencyInjection;
using Whfb.SyncTracker.Graph;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using Whfb.Testing.Graph;
using static Whfb.SyncTracker.Tests.Integration.RestartTests;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>
/// Under the strict profile (per-user method calls on the 5-per-window reports budget) the inventory spends its budget
/// where it matters: a key waiting for AD is listed before the backlog of a full inventory, which completes with what is
/// left. The backlog here is every user the delta described (the tenant has no licence for the registration report).
/// </summary>
public sealed class StrictBudgetTests
{
    private static readonly DateTimeOffset Start = SyncTrackerHost.Start;
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_key_waiting_for_AD_is_listed_ahead_of_a_backlog_of_new_users_and_health_shows_what_is_still_owed()
    {
        await using var emulator = await EmulatorScope<StrictEmulator>.StartAsync(new StrictEmulator());
        var graph = emulator.Graph;
        for (var i = 0; i < 60; i++)
        {
            graph.CloudUser($"backlog{i}-{Guid.NewGuid():N}@contoso.example");
        }

        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings(new()
        {
            ["SyncTracker:Graph:MaxPassDuration"] = "00:01:00",
            ["SyncTracker:Graph:PendingRecheckInterval"] = "00:02:00",
        }));
        await host.AdvanceUntilAsync(async () => await Listed() > 0, TenSeconds);
        var late = graph.CloudUser($"late-{Guid.NewGuid():N}@contoso.example");
        var key = graph.AddKey(late, Start);
        await host.PublishAsync(Registration(SyncTrackerHost.TenantA, key.DeviceId, Guid.Parse(late.Id), Start));
        await Eventually.Async(async () => await host.ScalarAsync($"SELECT count(*) FROM tracked_keys WHERE entra_user_id = '{late.Id}'") == 1);
        var owed = (await host.SyncHealthAsync()).GetProperty("inventory").GetProperty("usersOwed").GetInt32();

        await host.AdvanceUntilAsync(async () => await host.ScalarAsync($"SELECT count(*) FROM entra_users WHERE user_id = '{late.Id}' AND keys_listed_at IS NOT NULL") == 1, TenSeconds);
        var backlogLeft = 60 - await Listed() + 1;
        await host.AdvanceUntilAsync(async () => (await host.SyncHealthAsync()).GetProperty("inventory").GetProperty("complete").GetBoolean(), TenSeconds);

        var inventory = (await host.SyncHealthAsync()).GetProperty("inventory");
        Assert.InRange(owed, 1, 59);
        Assert.True(backlogLeft > 0, "the late user's key should have been listed while the backlog was still owed");
        Assert.Equal(0, inventory.GetProperty("usersOwed").GetInt32());
        Assert.True(inventory.GetProperty("requestsLast10Min").GetInt64() > 0);
        Assert.True(host.Service.Services.GetRequiredService<GraphTraffic>().Throttled > 0, "the strict budget should have throttled some steps");
        Assert.Equal(61, await Listed());
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE entra_key_id IS NOT NULL"));

        Task<long> Listed() => host.ScalarAsync("SELECT count(*) FROM entra_users WHERE keys_listed_at IS NOT NULL");
    }



    /// <summary>The strict profile: per-user method calls share the reports budget, five per two seconds here; no report licence.</summary>
    private sealed class StrictEmulator : GraphEmulator
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Simulator:Graph:Profile"] = "Strict",
            ["Simulator:Graph:PremiumLicence"] = "false",
            ["Simulator:Graph:ReportsRequestsPerWindow"] = "5",
            ["Simulator:Graph:ThrottleWindow"] = "00:00:02",
        };
    }
}
