using Whfb.Insights.Tests.Support;
using Xunit;

namespace Whfb.Insights.Tests.Analytics;

/// <summary>Two tenants with the same shape of data: tenant A's key never sees a row of tenant B, on any endpoint.</summary>
[Collection(InsightsCollection.Name)]
public sealed class TenantIsolationTests(InsightsHost host)
{
    public static readonly TheoryData<string> Endpoints =
    [
        "/v1/analytics/funnel?{range}&groupBy=ring,day,domain,model",
        "/v1/analytics/latency?{range}",
        "/v1/analytics/latency/histogram?{range}",
        "/v1/analytics/access?{range}",
        "/v1/analytics/failures?{range}&limit=500",
        "/v1/analytics/devices/{deviceB}/timeline",
        "/v1/analytics/devices/{deviceA}/timeline",
        "/v1/analytics/users/{userB}/timeline",
        "/v1/analytics/users/ada@contoso.test/timeline?limit=5000",
        "/v1/analytics/keys/stuck?limit=10000",
        "/v1/analytics/keys/orphaned?limit=10000",
        "/v1/analytics/rings",
        "/v1/history/recent?limit=500",
        "/v1/alerts?limit=500",
    ];

    private static readonly DateTimeOffset Start = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Tenant_A_key_sees_no_row_of_tenant_B(string template)
    {
        var (a, b) = await SeedBothAsync();
        var url = template.Replace("{range}", a.Range).Replace("{deviceA}", a.Devices[0].ToString())
            .Replace("{deviceB}", b.Devices[0].ToString()).Replace("{userB}", b.Users[1].ToString());

        var body = await (await host.Client(InsightsHost.TenantA).GetAsync(url)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

        Assert.DoesNotContain(InsightsHost.TenantB.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(b.Rollout.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.All(b.Devices.Concat(b.Users), id => Assert.DoesNotContain(id.ToString(), body, StringComparison.OrdinalIgnoreCase));
    }

    private static Task<(Scenario A, Scenario B)>? seeded;

    private Task<(Scenario A, Scenario B)> SeedBothAsync()
    {
        lock (Endpoints)
        {
            return seeded ??= SeedAsync();
        }

        async Task<(Scenario, Scenario)> SeedAsync()
        {
            var a = Scenario.Create(InsightsHost.TenantA, Start);
            var b = Scenario.Create(InsightsHost.TenantB, Start);
            await host.SeedAsync(a);
            await host.SeedAsync(b);
            return (a, b);
        }
    }
}
