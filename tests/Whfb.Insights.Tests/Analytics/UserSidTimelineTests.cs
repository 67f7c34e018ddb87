using Whfb.Insights.Tests.Support;
using Whfb.Testing;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Analytics;

/// <summary>Device events carry the user's SID: a user's timeline can be asked by it.</summary>
[Collection(InsightsCollection.Name)]
public sealed class UserSidTimelineTests(InsightsHost host)
{
    [Fact]
    public async Task A_users_timeline_by_SID_holds_the_events_that_carry_it_and_those_of_the_Entra_user_they_name()
    {
        var (device, user, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var sid = $"S-1-5-21-1004336348-1177238915-682003330-{Random.Shared.Next(1000, 1_000_000)}";
        var at = T0.AddDays(3);
        var readiness = Readiness(InsightsHost.TenantA, device, true, at);
        var registered = Registered(InsightsHost.TenantA, device, user, at.AddMinutes(5));
        await host.PublishAsync(
            readiness with { Header = readiness.Header with { UserSid = sid } },
            registered with { Header = registered.Header with { UserSid = sid } },
            Stuck(InsightsHost.TenantA, user, device, at.AddHours(2)),
            Registered(InsightsHost.TenantA, Guid.NewGuid(), other, at));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM history WHERE device_id = @d", ("d", device)) == 3);

        var timeline = (await host.Client(InsightsHost.TenantA).JsonAsync($"/v1/analytics/users/{sid.ToLowerInvariant()}/timeline"))
            .GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ToList();

        Assert.Equal(["KeySyncStuck", "NgcKeyRegistered", "ProvisioningReadinessReported"], timeline);
        Assert.Empty((await host.Client(InsightsHost.TenantB).JsonAsync($"/v1/analytics/users/{sid}/timeline")).GetProperty("timeline").EnumerateArray());
    }
}
