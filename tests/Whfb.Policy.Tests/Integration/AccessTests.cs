using System.Net;
using System.Net.Http.Json;
using Whfb.Policy.Tests.Support;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Policy.Tests.Integration;

/// <summary>Writes need the admin role, reads an operator; the tenant comes from the credential; refused writes are audited.</summary>
public sealed class AccessTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    [Fact]
    public async Task An_operator_reads_but_cannot_write_and_the_refused_writes_are_audited()
    {
        var ring = host.Graph.NewRing("Pilot-access", 1);
        var plan = Plans.Plan("WHfB access", "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate()));
        var id = await Plans.CreateAsync(host.Client(), plan);
        var operatorClient = host.Client(WhfbRoles.Operator);

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/v1/rollouts", plan)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.ActAsync(id, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().ActAsync(id, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync($"/v1/rollouts/{id}")).StatusCode);

        Assert.Equal("draft", (await operatorClient.StatusAsync(id)).State());
        var audit = await operatorClient.AuditAsync(id);
        var refused = Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "refused");
        Assert.Equal("operator@" + RolloutTenant.Tenant, refused!["actor"]!.GetValue<string>());
        Assert.Contains($"POST /v1/rollouts/{id}/start → 403", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "create" && e["actor"]!.GetValue<string>() == "admin@" + RolloutTenant.Tenant);

        // Without a credential there is no tenant to show it to, but the attempt is stored.
        Assert.Equal(1, await host.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE tenant_id IS NULL AND rollout_id = '{id}' AND action = 'refused'"));
    }

    [Fact]
    public async Task Another_tenants_rollout_is_not_found_and_this_instance_refuses_plans_for_another_tenant()
    {
        var ring = host.Graph.NewRing("Pilot-tenant", 1);
        var plan = Plans.Plan("WHfB tenant", "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate()));
        var id = await Plans.CreateAsync(host.Client(), plan);
        var other = host.Client(WhfbRoles.Admin, PolicyHost.OtherTenant);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/rollouts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/rollouts/{id}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.ActAsync(id, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.ActAsync(id, "abort", new { reason = "mischief" })).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<List<object>>("/v1/rollouts"))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/v1/rollouts", plan)).StatusCode);
        Assert.Equal("draft", (await host.Client().StatusAsync(id)).State());
    }

    [Fact]
    public async Task A_ring_group_Graph_does_not_know_fails_the_start_with_a_502_problem_and_leaves_the_draft()
    {
        var admin = host.Client();
        var id = await Plans.CreateAsync(admin, Plans.Plan("WHfB missing group", "settingsCatalog", ("Pilot", Guid.NewGuid(), Plans.Gate())));

        var response = await admin.ActAsync(id, "start");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("draft", (await admin.StatusAsync(id)).State());
        var audit = await admin.AuditAsync(id);
        Assert.Contains(audit, e => e!["kind"]!.GetValue<string>() == "graph" && e["statusCode"]!.GetValue<int>() == 404);
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "refused" && e["detail"]!.GetValue<string>().StartsWith("Graph:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_shows_the_tenants_rollouts_with_their_rings_to_an_operator()
    {
        var ring = host.Graph.NewRing("Pilot-list", 1);
        var id = await Plans.CreateAsync(host.Client(), Plans.Plan("WHfB list", "customOmaUri", ("Pilot", ring.GroupId, Plans.Gate())));

        var list = (await host.Client(WhfbRoles.Operator).GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/v1/rollouts"))!;

        var item = Assert.Single(list, r => r!["id"]!.GetValue<string>() == id.ToString())!;
        Assert.Equal(("customOmaUri", "draft", ring.GroupId.ToString()),
            (item["mode"]!.GetValue<string>(), item["state"]!.GetValue<string>(), item["rings"]![0]!["groupId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_audit_shows_each_Graph_call_of_an_action_with_who_asked()
    {
        var ring = host.Graph.NewRing("Pilot-graph", 1);
        var admin = host.Client();
        var id = await Plans.CreateAsync(admin, Plans.Plan("WHfB graph audit", "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate())));
        (await admin.ActAsync(id, "start")).EnsureSuccessStatusCode();

        var graph = (await admin.AuditAsync(id)).Where(e => e!["kind"]!.GetValue<string>() == "graph").ToList();
        Assert.Contains(graph, e => e!["action"]!.GetValue<string>() == "POST" && e["detail"]!.GetValue<string>().Contains("configurationPolicies", StringComparison.Ordinal)
            && e["requestBody"]!.GetValue<string>().Contains("passportforwork", StringComparison.OrdinalIgnoreCase) && e["statusCode"] is not null);
        Assert.Contains(graph, e => e!["detail"]!.GetValue<string>().Contains($"groups/{ring.GroupId}/transitiveMembers", StringComparison.OrdinalIgnoreCase));
        Assert.All(graph, e => Assert.Equal("admin@" + RolloutTenant.Tenant, e!["actor"]!.GetValue<string>()));
    }
}
