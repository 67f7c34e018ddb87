using Whfb.Insights.Tests.Support;
using Whfb.Testing;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.History;

[Collection(InsightsCollection.Name)]
public sealed class HistoryWriteTests(InsightsHost host)
{
    private static readonly Guid Tenant = InsightsHost.TenantA;

    [Fact]
    public async Task Lifecycle_events_land_in_the_partition_of_their_month_and_update_the_projections()
    {
        var (device, user, rollout) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await host.PublishAsync(
            Assigned(Tenant, rollout, 0, T0, device),
            Readiness(Tenant, device, true, T0),
            Registered(Tenant, device, user, T0.AddDays(3)),
            Synced(Tenant, user, device, T0.AddDays(3).AddHours(1), TimeSpan.FromMinutes(50)));

        await Eventually.Async(async () => await Count("SELECT count(*) FROM history WHERE device_id = @d", device) == 3);
        Assert.Equal(1, await Count("SELECT count(*) FROM history_2026_10 WHERE device_id = @d", device));
        Assert.Equal(2, await Count("SELECT count(*) FROM history_2026_11 WHERE device_id = @d", device));
        Assert.Equal(1, await Count(
            "SELECT count(*) FROM device_state WHERE device_id = @d AND policy_assigned_at IS NOT NULL AND prereqs_passed_at IS NOT NULL " +
            "AND key_registered_at IS NOT NULL AND key_in_ad_at IS NOT NULL", device));
        Assert.Equal(1, await host.ScalarAsync("SELECT sum(key_in_ad) FROM funnel_daily WHERE rollout_id = @r", ("r", rollout)));
    }

    [Fact]
    public async Task A_redelivered_event_is_stored_once_and_counted_once()
    {
        var device = Guid.NewGuid();
        var readiness = Readiness(Tenant, device, false, T0);
        await host.PublishAsync(readiness, readiness, readiness);
        await host.PublishAsync(Readiness(Tenant, device, true, T0.AddMinutes(5)));

        await Eventually.Async(async () => await Count("SELECT count(*) FROM history WHERE device_id = @d", device) == 2);
        await Task.Delay(300);
        Assert.Equal(2, await Count("SELECT count(*) FROM history WHERE device_id = @d", device));
        Assert.Equal(1, await Count("SELECT coalesce(sum(count), 0) FROM failure_daily WHERE @d = ANY(examples)", device));
    }

    [Fact]
    public async Task An_event_in_a_month_without_a_partition_creates_it_on_demand()
    {
        var device = Guid.NewGuid();
        var lastYear = DateTimeOffset.UtcNow.AddMonths(-12);
        await host.PublishAsync(Readiness(Tenant, device, true, lastYear));

        await Eventually.Async(async () => await Count($"SELECT count(*) FROM history_{lastYear:yyyy_MM} WHERE device_id = @d", device) == 1);
    }

    private Task<long> Count(string sql, Guid device) => host.ScalarAsync(
        $"SELECT CASE WHEN to_regclass('{TableIn(sql)}') IS NULL THEN 0 ELSE 1 END", []).ContinueWith(async t =>
            t.Result == 0 ? 0 : await host.ScalarAsync(sql, ("d", device))).Unwrap();

    private static string TableIn(string sql) => sql.Split(" FROM ")[1].Split(' ')[0];
}
