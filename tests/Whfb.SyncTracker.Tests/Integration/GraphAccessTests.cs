using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Whfb.Contracts.Health;
using Whfb.SyncTracker.Graph;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using static Whfb.Simulator.Graph.Permissions.ApplicationPermissions;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>A missing Graph permission or licence is a clear state: one feature stops, it is said once, a grant resumes it.</summary>
public sealed class GraphAccessTests
{
    private static readonly DateTimeOffset Start = SyncTrackerHost.Start;
    private static readonly TimeSpan Patience = SyncTrackerHost.Patience;

    [Fact]
    public async Task A_missing_permission_stops_only_its_feature_is_announced_once_across_a_restart_and_a_grant_resumes_it()
    {
        await using var emulator = await EmulatorScope<ConsentableEmulator>.StartAsync(new ConsentableEmulator(UserReadAll, AuditLogReadAll, OrganizationReadAll));
        var graph = emulator.Graph;
        for (var i = 0; i < 3; i++)
        {
            graph.AddKey(graph.CloudUser($"denied{i}-{Guid.NewGuid():N}@contoso.example"), Start.AddHours(-1));
        }

        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings());
        await Eventually.Async(() => Task.FromResult(host.Events.Count<GraphPermissionMissing>() == 1), Patience);
        var missing = host.Events.Received.OfType<GraphPermissionMissing>().Single();
        Assert.Equal(("SyncTracker", "key-inventory", "UserAuthMethod-WindowsHello.Read.All"), (missing.Service, missing.Feature, missing.Missing[0]));
        Assert.StartsWith("Authorization_RequestDenied", missing.Detail, StringComparison.Ordinal);
        Assert.Equal(3, await host.ScalarAsync("SELECT count(*) FROM entra_users WHERE described_by_graph"));
        var ready = await ReadyAsync(host);
        Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("graph-access").GetProperty("status").GetString());
        Assert.Contains("key-inventory", ready.GetProperty("checks").GetProperty("graph-access").GetProperty("description").GetString(), StringComparison.Ordinal);

        // Nothing is retried until the probe is due: the refused $batch was the only one.
        await host.AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));
        Assert.Equal(1, host.Service.Services.GetRequiredService<GraphTraffic>().Batches);

        // A restart resumes the episode: probed at once, still refused, not announced again.
        await host.RestartAsync();
        await Eventually.Async(() => Task.FromResult(host.Service.Services.GetRequiredService<GraphTraffic>().Batches == 1), Patience);
        await Task.Delay(2000);
        Assert.Equal(1, host.Events.Count<GraphPermissionMissing>());
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM graph_access_denials WHERE feature = 'key-inventory'"));

        graph.Consent(UserReadAll, AuditLogReadAll, OrganizationReadAll, WindowsHelloReadAll);
        await host.AdvanceAsync(TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<GraphPermissionRestored>() == 1), Patience);
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE entra_key_id IS NOT NULL") == 3, Patience);

        var restored = host.Events.Received.OfType<GraphPermissionRestored>().Single();
        Assert.Equal(missing.DetectedAt, restored.MissingSince);
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM graph_access_denials"));
        Assert.Equal("Healthy", (await ReadyAsync(host)).GetProperty("checks").GetProperty("graph-access").GetProperty("status").GetString());
        Assert.Equal(1, host.Events.Count<GraphPermissionMissing>());
    }

    [Fact]
    public async Task Without_the_licence_the_report_needs_the_key_inventory_lists_every_user_the_delta_described()
    {
        await using var emulator = await EmulatorScope<UnlicensedEmulator>.StartAsync(new UnlicensedEmulator());
        var graph = emulator.Graph;
        for (var i = 0; i < 3; i++)
        {
            graph.AddKey(graph.CloudUser($"nolicence{i}-{Guid.NewGuid():N}@contoso.example"), Start.AddHours(-1));
        }

        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings());
        await Eventually.Async(async () => host.Events.Count<GraphPermissionMissing>() == 1
            && await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE entra_key_id IS NOT NULL") == 3, Patience);

        var missing = host.Events.Received.OfType<GraphPermissionMissing>().Single();
        Assert.Equal(("registration-report", "Microsoft Entra ID P1 or P2"), (missing.Feature, missing.Missing[0]));
        Assert.StartsWith("Authentication_RequestFromNonPremiumTenantOrB2CTenant", missing.Detail, StringComparison.Ordinal);
        var inventory = (await host.SyncHealthAsync()).GetProperty("inventory");
        Assert.True(inventory.GetProperty("complete").GetBoolean());
        Assert.Contains("registration-report: needs Microsoft Entra ID P1 or P2", inventory.GetProperty("deniedFeatures")[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ReadyAsync(SyncTrackerHost host)
    {
        using var client = host.Service.CreateClient();
        using var response = await client.GetAsync("/health/ready");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }


    /// <summary>A tenant without Microsoft Entra ID P1/P2: the registration report is refused.</summary>
    private sealed class UnlicensedEmulator : Whfb.Testing.Graph.GraphEmulator
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Simulator:Graph:PremiumLicence"] = "false",
        };
    }
}
