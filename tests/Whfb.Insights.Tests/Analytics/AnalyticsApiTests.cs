using Whfb.Insights.Tests.Support;
using Xunit;

namespace Whfb.Insights.Tests.Analytics;

[Collection(InsightsCollection.Name)]
public sealed class AnalyticsApiTests(InsightsHost host)
{
    [Fact]
    public async Task Funnel_per_ring_counts_each_step_with_conversion_rates()
    {
        var s = Scenario.Create(InsightsHost.TenantA, new DateTimeOffset(2026, 9, 10, 8, 0, 0, TimeSpan.Zero));
        await host.SeedAsync(s);

        var body = await host.Client(s.Tenant).JsonAsync($"/v1/analytics/funnel?{s.Range}&groupBy=ring,domain");
        var ring = body.GetProperty("funnel").EnumerateArray().Single(r => r.GetProperty("rolloutId").GetString() == s.Rollout.ToString());
        Assert.Equal((4, 3, 2, 1), (ring.GetProperty("policyAssigned").GetInt32(), ring.GetProperty("prerequisitesPassed").GetInt32(),
            ring.GetProperty("keyRegistered").GetInt32(), ring.GetProperty("keyInAd").GetInt32()));
        Assert.Equal(0.75, ring.GetProperty("prerequisitesRate").GetDouble());
        Assert.Equal(0.25, ring.GetProperty("overallRate").GetDouble());
        Assert.Equal("Pilot", ring.GetProperty("rolloutName").GetString());
    }

    [Fact]
    public async Task Failures_latency_keys_and_timelines_answer_from_the_projections()
    {
        var s = Scenario.Create(InsightsHost.TenantA, new DateTimeOffset(2026, 8, 5, 8, 0, 0, TimeSpan.Zero));
        await host.SeedAsync(s);
        var client = host.Client(s.Tenant);

        var failures = (await client.JsonAsync($"/v1/analytics/failures?{s.Range}")).GetProperty("failures").EnumerateArray().ToList();
        var mfa = failures.Single(f => f.GetProperty("reason").GetString() == "0x801C03ED");
        Assert.Equal("MFA required for ProvisionKey", mfa.GetProperty("meaning").GetString());
        Assert.Contains(s.Devices[2].ToString(), mfa.GetProperty("exampleDevices").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(failures, f => f.GetProperty("category").GetString() == "prerequisite");

        var day = (await client.JsonAsync($"/v1/analytics/latency?{s.Range}")).GetProperty("days").EnumerateArray()
            .Single(d => d.GetProperty("day").GetString() == Scenario.Day(s.Start));
        Assert.Equal(40, day.GetProperty("p50Minutes").GetInt32());

        var stuck = (await client.JsonAsync("/v1/analytics/keys/stuck")).GetProperty("keys").EnumerateArray();
        Assert.Contains(stuck, k => k.GetProperty("userId").GetString() == s.Users[1].ToString());
        var orphaned = (await client.JsonAsync("/v1/analytics/keys/orphaned")).GetProperty("keys").EnumerateArray();
        Assert.Contains(orphaned, k => k.GetProperty("deviceId").GetString() == s.Devices[3].ToString());

        var timeline = (await client.JsonAsync($"/v1/analytics/devices/{s.Devices[0]}/timeline")).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["KeySynced", "NgcKeyRegistered", "ProvisioningReadinessReported", "DeviceStatusReported"],
            timeline.Select(t => t.GetProperty("kind").GetString()));
        var user = (await client.JsonAsync($"/v1/analytics/users/{s.Users[1]}/timeline")).GetProperty("timeline").EnumerateArray();
        Assert.Contains(user, t => t.GetProperty("kind").GetString() == "KeySyncStuck");
    }

    [Fact]
    public async Task Csv_export_by_query_or_accept_header()
    {
        var client = host.Client(InsightsHost.TenantA);
        var byQuery = await client.GetStringAsync("/v1/analytics/funnel?format=csv&groupBy=ring,day");
        Assert.StartsWith("rolloutId,rolloutName,ringIndex,day,domain,deviceModel,policyAssigned,", byQuery);

        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/analytics/failures");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("category,reason,meaning,count,exampleDevices", await response.Content.ReadAsStringAsync());
    }
}
