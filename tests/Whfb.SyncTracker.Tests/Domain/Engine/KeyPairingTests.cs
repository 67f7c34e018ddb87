using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed class KeyPairingTests
{
    [Fact]
    public void A_waiting_key_takes_the_unclaimed_value_of_its_device_which_stops_being_a_key_of_its_own()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser(Guid.NewGuid());
        parts.AdUserOf(user);
        var device = Guid.NewGuid();
        var value = new TrackedKey
        {
            Id = Guid.NewGuid(), TenantId = parts.State.TenantId, AdObjectGuid = user.OnPremisesObjectGuid, AdKeyId = "value", DeviceId = device,
            AdCreatedAt = parts.Now, ObservedInAdAt = parts.Now, UnmatchedSince = parts.Now,
        };
        parts.Lifecycle.Unclaimed(value);
        var key = parts.WaitingKey(user, device: device);

        parts.Pairing.PairWithAdOnly(key);

        Assert.Equal((KeyState.Synced, "value"), (key.State, key.AdKeyId));
        Assert.Null(parts.State.Keys.Get(value.Id));
        Assert.Equal(parts.Now, parts.State.Pipeline.LastKeySyncedAt);
    }

    [Fact]
    public void A_value_of_another_device_is_left_unclaimed()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser(Guid.NewGuid());
        parts.AdUserOf(user);
        var value = new TrackedKey
        {
            Id = Guid.NewGuid(), TenantId = parts.State.TenantId, AdObjectGuid = user.OnPremisesObjectGuid, AdKeyId = "value",
            DeviceId = Guid.NewGuid(), AdCreatedAt = parts.Now, UnmatchedSince = parts.Now,
        };
        parts.Lifecycle.Unclaimed(value);

        parts.Pairing.PairAdOnly(value, user.UserId);
        var key = parts.WaitingKey(user, device: Guid.NewGuid());
        parts.Pairing.PairWithAdOnly(key);

        Assert.Equal((KeyState.AwaitingAd, KeyState.Unmatched), (key.State, value.State));
    }
}
