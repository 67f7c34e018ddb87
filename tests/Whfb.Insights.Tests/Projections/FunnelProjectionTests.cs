using Whfb.Insights.Projections;
using Whfb.Insights.Tests.Support;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Projections;

public sealed class FunnelProjectionTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    [Fact]
    public void A_device_walks_the_four_steps_once_each_under_its_ring_and_the_domain_learned_after_assignment()
    {
        var (device, user, rollout) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var set = Apply(
            Assigned(Tenant, rollout, 1, T0, device),
            Status(Tenant, device, "contoso.test", T0.AddMinutes(1)),
            Readiness(Tenant, device, true, T0.AddHours(1)),
            Readiness(Tenant, device, true, T0.AddHours(2)),
            Registered(Tenant, device, user, T0.AddHours(1)),
            Synced(Tenant, user, device, T0.AddHours(2), TimeSpan.FromMinutes(45)));

        var total = set.Deltas.Funnel.Where(f => f.Key.RolloutId == rollout && f.Key.RingIndex == 1)
            .Aggregate(FunnelCounts.Zero, (sum, f) => sum.Add(f.Value));
        Assert.Equal(new FunnelCounts(1, 1, 1, 1), total);
        Assert.All(set.Deltas.Funnel.Where(f => f.Value != FunnelCounts.Zero), f => Assert.Equal("contoso.test", f.Key.Domain));
        Assert.Equal(45, Assert.Single(set.Deltas.Latency).Key.Bucket);
        Assert.Equal(2, Assert.Single(set.Deltas.Access).Key.Bucket);
    }

    [Fact]
    public void Failing_prerequisites_and_error_codes_are_counted_with_example_devices_and_meanings()
    {
        var devices = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var set = Apply([.. devices.Select(d => (object)Readiness(Tenant, d, false, T0)), Failed(Tenant, devices[0], T0)]);

        var hardware = Assert.Single(set.Deltas.Failures, f => f.Key.Category == "prerequisite");
        Assert.Equal("Local computer meets Windows hello for business hardware requirements", hardware.Key.Reason);
        Assert.Equal(5, hardware.Value.Count);
        Assert.Equal(3, hardware.Value.Examples.Count);
        var code = Assert.Single(set.Deltas.Failures, f => f.Key.Category == "error-code");
        Assert.Equal(("0x801C03ED", "MFA required for ProvisionKey"), (code.Key.Reason, code.Value.Meaning));
    }

    [Fact]
    public void Stuck_then_recovered_opens_and_closes_one_episode_and_counts_the_latency()
    {
        var (device, user) = (Guid.NewGuid(), Guid.NewGuid());
        var set = Apply(Stuck(Tenant, user, device, T0), Recovered(Tenant, user, device, T0.AddHours(1)));

        Assert.Equal([true, false], set.Deltas.Alerts.Select(a => a.Opens));
        Assert.Single(set.Deltas.Alerts.Select(a => a.EpisodeKey).Distinct());
        Assert.Equal(KeyStates.Synced, Assert.Single(set.Keys.Values).State);
        Assert.Equal(240, Assert.Single(set.Deltas.Latency).Key.Bucket);
    }

    [Fact]
    public void An_orphan_without_an_Entra_user_is_removed_when_its_AD_value_goes()
    {
        var device = Guid.NewGuid();
        var orphan = Orphan(Tenant, device, T0) with { UserId = null };
        var removed = new Contracts.Keys.NgcKeyRemovedFromAd(Guid.NewGuid(),
            new Contracts.Keys.KeyReference(Tenant, Guid.Empty, null, device, null, orphan.AdKeyId, orphan.KeyCreatedAt!.Value), T0.AddHours(1));

        var set = Apply(orphan, removed);

        Assert.Equal(KeyStates.Removed, Assert.Single(set.Keys.Values).State);
    }

    private static ProjectionSet Apply(params object[] messages) => Applied.To(new ProjectionSet(), Tenant, messages);
}
