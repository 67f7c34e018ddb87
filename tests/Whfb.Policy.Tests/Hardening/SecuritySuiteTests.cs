using Whfb.Policy.Tests.Support;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing.Security;
using Whfb.Testing.Security.Corpus;
using Xunit.Abstractions;

namespace Whfb.Policy.Tests.Hardening;

/// <summary>
/// Policy's security suites on a host of their own (every row of its database is compared): the bad-input corpus
/// (plans and actions' bodies: a 4xx problem naming the field, no row written, not even a refusal's audit entry) and
/// the tenant-isolation matrix over its OpenAPI document, with tenant A's draft rollout.
/// </summary>
public sealed class SecuritySuiteTests(PolicyHost host, ITestOutputHelper output) : IClassFixture<PolicyHost>
{
    private static readonly Guid A = RolloutTenant.Tenant;
    private static readonly Guid B = PolicyHost.OtherTenant;

    [Fact]
    public async Task Bad_input_is_refused_naming_its_field_and_tenant_B_reaches_nothing_of_tenant_A()
    {
        var ring = host.Graph.NewRing("Pilot-tenant-a", 2);
        var name = $"tenant-a-rollout-{Guid.NewGuid():N}";
        var rollout = await Plans.CreateAsync(host.Client(), Plans.Plan(name, "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate())));

        var corpus = await BadInputRunner.RunAsync("policy", PolicyCorpus.Cases, role => host.Client(role),
            () => TenantRows.FingerprintAsync(host.ConnectionString), new Dictionary<string, string> { ["rollout"] = rollout.ToString() });
        var matrix = await new TenantIsolationMatrix
        {
            Service = "policy",
            DocumentReader = host.Client(WhfbRoles.Operator),
            Intruders = new Dictionary<string, HttpClient>
            {
                ["operator-b"] = host.Client(WhfbRoles.Operator, B), ["admin-b"] = host.Client(WhfbRoles.Admin, B),
            },
            IdsOfA = new Dictionary<string, string> { ["id"] = rollout.ToString() },
            Bodies = new Dictionary<string, (string, string)>
            {
                ["POST /v1/rollouts"] = ("application/json", Plans.Plan("tenant-b-plan", "settingsCatalog", ("Pilot", Guid.NewGuid(), Plans.Gate())).ToJsonString()),
                ["POST /v1/rollouts/{id}/advance"] = ("application/json", "{\"justification\":\"tenant B overrides\"}"),
                ["POST /v1/rollouts/{id}/abort"] = ("application/json", "{\"reason\":\"tenant B aborts\"}"),
            },
            ValuesOfA = [rollout.ToString(), name, ring.GroupId.ToString(), A.ToString()],
            RowsOfA = () => TenantRows.FingerprintAsync(host.ConnectionString, A),
        }.RunAsync();

        output.WriteLine(corpus.ToString());
        output.WriteLine(matrix.ToString());
        corpus.AssertClean();
        matrix.AssertClean();
        Assert.Equal("draft", (await host.Client().StatusAsync(rollout)).State(), ignoreCase: true);
    }
}
