using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Whfb.Contracts.Health;
using Whfb.Contracts.Policy;
using Whfb.Policy.Tests.Support;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;
using static Whfb.Simulator.Graph.Permissions.ApplicationPermissions;

namespace Whfb.Policy.Tests.Integration;

/// <summary>
/// A permission the Policy app lacks is a state, not a retry loop: the action is refused naming what to grant, readiness
/// and a metric say it, GraphPermissionMissing goes out once per episode (also across a restart) and GraphPermissionRestored
/// at the first success; the gate loop halts a rollout it cannot advance instead of trying every tick.
/// </summary>
public sealed class GraphAccessTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    private static readonly string[] GroupMemberReads =
        [GroupMemberReadBasicAll, GroupMemberReadAll, GroupMemberReadWriteAll, GroupReadAll, GroupReadBasicAll, GroupReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll];

    [Fact]
    public async Task A_start_Graph_refuses_names_the_permission_is_announced_once_and_works_once_granted()
    {
        var (admin, id) = await DraftWithoutAsync("denied", ConfigurationReadWriteAll);

        var first = await admin.ActAsync(id, "start");
        var second = await admin.ActAsync(id, "start");

        Assert.Equal((HttpStatusCode.BadGateway, HttpStatusCode.BadGateway), (first.StatusCode, second.StatusCode));
        var problem = await PolicyHost.ReadAsync(first);
        Assert.Equal("intune-policy", problem["feature"]!.GetValue<string>());
        Assert.Equal(["DeviceManagementConfiguration.ReadWrite.All"], problem["missing"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains("DeviceManagementConfiguration.ReadWrite.All", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("draft", (await admin.StatusAsync(id)).State());
        Assert.Contains(await admin.AuditAsync(id), e => e!["action"]!.GetValue<string>() == "refused"
            && e["detail"]!.GetValue<string>().StartsWith("Graph refused intune-policy: needs DeviceManagementConfiguration.ReadWrite.All", StringComparison.Ordinal));
        await Eventually.Async(() => Task.FromResult(host.Events.OfFeature<GraphPermissionMissing>("intune-policy").Count == 1));
        var missing = host.Events.OfFeature<GraphPermissionMissing>("intune-policy").Single();
        Assert.Equal(("Policy", RolloutTenant.Tenant), (missing.Service, missing.TenantId));
        Assert.Equal(["DeviceManagementConfiguration.ReadWrite.All"], missing.Missing);
        var access = (await ReadyAsync())["checks"]!["graph-access"]!;
        Assert.Equal("Degraded", access["status"]!.GetValue<string>());
        Assert.Contains("DeviceManagementConfiguration.ReadWrite.All", access["data"]!["intune-policy"]!.GetValue<string>(), StringComparison.Ordinal);
        // The exporter caches a scrape briefly, hence the wait.
        await Eventually.Async(async () => (await DeniedGaugeAsync("intune-policy")).Contains(1));

        host.Graph.ConsentAllBut();
        var granted = await admin.ActAsync(id, "start");

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        await Eventually.Async(() => Task.FromResult(host.Events.OfFeature<GraphPermissionRestored>("intune-policy").Count == 1));
        Assert.Single(host.Events.OfFeature<GraphPermissionMissing>("intune-policy"));
        Assert.Equal("Healthy", (await ReadyAsync())["checks"]!["graph-access"]!["status"]!.GetValue<string>());
        await Eventually.Async(async () => !(await DeniedGaugeAsync("intune-policy")).Contains(1));
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM graph_access_episodes"));
    }

    [Fact]
    public async Task An_episode_survives_a_restart_without_being_announced_again_and_the_next_success_closes_it()
    {
        var (admin, id) = await DraftWithoutAsync("restart", GroupMemberReads);
        Assert.Equal(HttpStatusCode.BadGateway, (await admin.ActAsync(id, "start")).StatusCode);
        await Eventually.Async(() => Task.FromResult(host.Events.OfFeature<GraphPermissionMissing>("ring-members").Count == 1));

        await host.RestartAsync();
        admin = host.Client();
        var resumed = await ReadyAsync();
        Assert.Equal(HttpStatusCode.BadGateway, (await admin.ActAsync(id, "start")).StatusCode);
        host.Graph.ConsentAllBut();
        Assert.Equal(HttpStatusCode.OK, (await admin.ActAsync(id, "start")).StatusCode);

        Assert.Contains("GroupMember.Read.All", resumed["checks"]!["graph-access"]!["data"]!["ring-members"]!.GetValue<string>(), StringComparison.Ordinal);
        await Eventually.Async(() => Task.FromResult(host.Events.OfFeature<GraphPermissionRestored>("ring-members").Count == 1));
        // One episode, announced once: the outbox holds one GraphPermissionMissing (its delivery is at least once).
        Assert.Equal(1, await OutboxCountAsync("GraphPermissionMissing", "ring-members"));
        Assert.Equal(1, await OutboxCountAsync("GraphPermissionRestored", "ring-members"));
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM graph_access_episodes"));
    }

    [Fact]
    public async Task The_gate_loop_halts_a_rollout_whose_next_ring_Graph_will_not_resolve_and_a_resume_after_the_grant_advances_it()
    {
        host.Graph.ConsentAllBut();
        var admin = host.Client();
        var (id, _, broad) = await Plans.TwoRingsAsync(host, "gate-denied", "settingsCatalog",
            (1, Plans.Gate(minPassed: 0, soak: "00:00:00")), (1, Plans.Gate(minPassed: 0, soak: "00:00:00")));
        host.Graph.AddUserMember(broad.GroupId, "gate.denied");
        await admin.StartAsync(id);
        host.Graph.ConsentAllBut(UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll);

        await host.EvaluateGatesAsync();
        await host.EvaluateGatesAsync();

        var halted = await admin.StatusAsync(id);
        Assert.Equal(("halted", 0), (halted.State(), halted.Int("currentRing")));
        Assert.Contains("User.Read.All", halted["haltReason"]!.GetValue<string>(), StringComparison.Ordinal);
        await Eventually.Async(() => Task.FromResult(host.Events.Of<RolloutHalted>(id).Count == 1
            && host.Events.OfFeature<GraphPermissionMissing>("ring-users").Count == 1));
        Assert.Empty(host.Events.Of<RingAdvanced>(id));

        host.Graph.ConsentAllBut();
        (await admin.ActAsync(id, "resume")).EnsureSuccessStatusCode();
        await host.EvaluateGatesAsync();

        Assert.Equal(1, (await admin.StatusAsync(id)).Int("currentRing"));
        await Eventually.Async(() => Task.FromResult(host.Events.OfFeature<GraphPermissionRestored>("ring-users").Count == 1));
        Assert.Single(host.Events.Of<RolloutHalted>(id));
    }

    /// <summary>A one-ring draft rollout, with the app consented to everything but <paramref name="missing"/>.</summary>
    private async Task<(HttpClient Admin, Guid Id)> DraftWithoutAsync(string name, params string[] missing)
    {
        host.Graph.ConsentAllBut(missing);
        var admin = host.Client();
        var ring = host.Graph.NewRing($"Pilot-{name}", 1);
        return (admin, await Plans.CreateAsync(admin, Plans.Plan($"WHfB {name}", "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate()))));
    }

    private Task<long> OutboxCountAsync(string type, string feature) => host.ScalarAsync(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.{type},%' AND body->>'feature' = '{feature}'");

    private async Task<JsonObject> ReadyAsync() =>
        (await host.Anonymous().GetFromJsonAsync<JsonObject>("/health/ready"))!;

    /// <summary>
    /// The gauge's values for a feature: one per Policy host alive in this test process (the exporter listens to every
    /// meter of the platform's name), so the assertions ask whether any reads 1.
    /// </summary>
    private async Task<List<int>> DeniedGaugeAsync(string feature) =>
        [.. (await host.Client(WhfbRoles.Operator).GetStringAsync("/metrics")).Split('\n')
            .Where(l => l.StartsWith("whfb_policy_graph_access_denied{", StringComparison.Ordinal) && l.Contains($"feature=\"{feature}\"", StringComparison.Ordinal))
            .Select(l => int.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))];
}
