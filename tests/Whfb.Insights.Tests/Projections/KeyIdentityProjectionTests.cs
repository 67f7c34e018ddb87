using Whfb.Contracts.Keys;
using Whfb.Insights.Projections;
using Whfb.Insights.Tests.Support;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Projections;

/// <summary>A key whose device is not known yet keeps one identity: its Entra key id's stand-in, folded into its device's row later.</summary>
public sealed class KeyIdentityProjectionTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    [Fact]
    public void A_key_stuck_before_its_device_was_known_becomes_one_row_under_its_device_when_it_recovers_and_its_episode_closes()
    {
        var (user, device) = (Guid.NewGuid(), Guid.NewGuid());
        var stuck = Stuck(Deviceless(Tenant, user, "m-1", T0), T0.AddHours(3));

        var set = Applied.To(new ProjectionSet(), Tenant, stuck, Recovery(stuck, T0.AddHours(4), device));

        var key = Assert.Single(set.Keys.Values);
        Assert.Equal((device, KeyStates.Synced, "m-1", "ad-m-1"), (key.DeviceId, key.State, key.EntraKeyId, key.AdKeyId));
        Assert.Equal([(Tenant, user, KeyIdentity.Named("entra:m-1"))], set.FoldedKeys);
        var (opened, closed) = (set.Deltas.Alerts[0], set.Deltas.Alerts[1]);
        Assert.Equal($"key-stuck:{user}:{KeyIdentity.Named("entra:m-1")}", opened.EpisodeKey);
        Assert.Contains(opened.EpisodeKey, closed.AlsoCloses);
        Assert.DoesNotContain($"key-stuck:{user}:", closed.AlsoCloses);
        Assert.Equal($"key-stuck:{user}:{device}", closed.EpisodeKey);
    }

    [Fact]
    public void Two_keys_of_one_user_stuck_before_their_devices_were_known_are_two_rows_and_two_episodes()
    {
        var user = Guid.NewGuid();

        var set = Applied.To(new ProjectionSet(), Tenant,
            Stuck(Deviceless(Tenant, user, "m-1", T0), T0.AddHours(3)), Stuck(Deviceless(Tenant, user, "m-2", T0.AddDays(2)), T0.AddDays(2).AddHours(3)));

        Assert.Equal(["m-1", "m-2"], set.Keys.Values.Select(k => k.EntraKeyId).Order());
        Assert.All(set.Keys.Values, k => Assert.Equal(KeyStates.Stuck, k.State));
        Assert.Equal(2, set.Deltas.Alerts.Select(a => a.EpisodeKey).Distinct().Count());
    }

    [Fact]
    public void A_deviceless_row_and_episode_written_before_stand_ins_fold_and_close_only_with_the_key_the_row_holds()
    {
        var (user, device) = (Guid.NewGuid(), Guid.NewGuid());
        var recovered = Recovery(Stuck(Deviceless(Tenant, user, "m-1", T0), T0.AddHours(3)), T0.AddHours(4), device);
        var legacy = (Tenant, user, Guid.Empty);

        var other = Applied.To(WithRow(legacy, "m-other"), Tenant, recovered);
        var same = Applied.To(WithRow(legacy, "m-1"), Tenant, recovered);

        Assert.Equal(KeyStates.Stuck, other.Keys[legacy].State);
        Assert.Empty(other.FoldedKeys);
        Assert.DoesNotContain($"key-stuck:{user}:", Assert.Single(other.Deltas.Alerts).AlsoCloses);
        Assert.Equal([legacy], same.FoldedKeys);
        Assert.Contains($"key-stuck:{user}:", Assert.Single(same.Deltas.Alerts).AlsoCloses);
        var folded = Assert.Single(same.Keys.Values);
        Assert.Equal((device, KeyStates.Synced, "UserOutOfSyncScope"), (folded.DeviceId, folded.State, folded.Hints));
    }

    [Fact]
    public void A_stored_stand_in_reads_as_no_device()
    {
        Assert.Null(KeyIdentity.DeviceOf(KeyIdentity.Of(null, "m-1", null), "m-1", null));
        Assert.Null(KeyIdentity.DeviceOf(KeyIdentity.Of(null, null, "ad-1"), null, "ad-1"));
        Assert.Null(KeyIdentity.DeviceOf(Guid.Empty, "m-1", "ad-1"));
        var device = Guid.NewGuid();
        Assert.Equal(device, KeyIdentity.DeviceOf(KeyIdentity.Of(device, "m-1", "ad-1"), "m-1", "ad-1"));
    }

    /// <summary>A set already holding a stuck row (as loaded from the database), with a hint.</summary>
    private static ProjectionSet WithRow((Guid Tenant, Guid User, Guid Device) id, string entraKeyId)
    {
        var set = new ProjectionSet();
        set.Keys[id] = new KeyState
        {
            TenantId = id.Tenant, UserId = id.User, DeviceId = id.Device, EntraKeyId = entraKeyId, State = KeyStates.Stuck, StuckSince = T0,
            Hints = "UserOutOfSyncScope",
        };
        return set;
    }
}
