namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// One Entra key reported several times (device event, Graph listing, Graph's single GET) stays one tracked key: finds
/// the key an observation describes, merges what it adds, and folds two tracked keys into one once a device tells.
/// </summary>
internal sealed class KeyMerger(TenantSyncState state, KeyPairing pairing)
{
    private TimeSpan Tolerance => state.Thresholds.CreationTolerance;

    /// <summary>
    /// The tracked Entra key an observation describes. By an id both carry (Graph id, device key id); else by the device
    /// with the creation time within the tolerance (the closest); else, when one side lacks the field that would tell
    /// them apart (a Graph key listed without its device, a device event without a Graph id), by the creation time
    /// within the tolerance alone, and only when exactly one key qualifies: with two candidates nothing is merged
    /// (Graph's single GET with $expand=device is what tells such keys apart).
    /// </summary>
    public TrackedKey? FindEntraKey(EntraKeyObservation o)
    {
        var keys = state.Keys.OfEntraUser(o.UserId);
        var byId = keys.FirstOrDefault(k => k.HasEntraSide && (
            (o.EntraKeyId is not null && k.EntraKeyId == o.EntraKeyId) || (o.DeviceKeyId is not null && k.DeviceKeyId == o.DeviceKeyId)));
        if (byId is not null)
        {
            return byId;
        }

        var near = keys.Where(k => k.HasEntraSide && !KeyIdentity.Conflicts(k, o) && KeyIdentity.Gap(k, o.CreatedAt) <= Tolerance).ToList();
        if (o.DeviceId is { } device && near.Where(k => k.DeviceId == device).MinBy(k => KeyIdentity.Gap(k, o.CreatedAt)) is { } sameDevice)
        {
            return sameDevice;
        }

        var byTime = near.Where(k => k.EntraRemovedAt is null && (k.DeviceId is null || o.DeviceId is null)).Take(2).ToList();
        return byTime.Count == 1 ? byTime[0] : null;
    }

    /// <summary>The key takes the ids and device the observation adds; saved only when something was added.</summary>
    public void Merge(TrackedKey key, EntraKeyObservation o)
    {
        var before = (key.EntraKeyId, key.DeviceKeyId, key.DeviceId, key.ExpectedAdKeyId, key.UserPrincipalName, key.DeviceLookedUp);
        key.EntraKeyId ??= o.EntraKeyId;
        key.DeviceKeyId ??= o.DeviceKeyId;
        key.DeviceId ??= o.DeviceId;
        key.ExpectedAdKeyId ??= o.AdKeyId;
        key.UserPrincipalName ??= o.UserPrincipalName;
        key.DeviceLookedUp |= o.DeviceLookedUp;
        if (before != (key.EntraKeyId, key.DeviceKeyId, key.DeviceId, key.ExpectedAdKeyId, key.UserPrincipalName, key.DeviceLookedUp))
        {
            state.Changes.Keys.Add(key);
        }
    }

    /// <summary>
    /// A key learned its device later (Graph's single GET, or the device event after Graph's listing): a key of the same
    /// device that was kept apart while the device was unknown is the same key and merges into it, and a key still
    /// waiting looks for its AD value again, now by device. Returns the key that remains.
    /// </summary>
    public TrackedKey DeviceLearned(TrackedKey key)
    {
        var twins = state.Keys.OfEntraUser(key.EntraUserId!.Value).Where(k => k != key && k.HasEntraSide && k.EntraRemovedAt is null
            && k.DeviceId == key.DeviceId && !KeyIdentity.Conflicts(k, key)
            && KeyIdentity.Gap(k, key.CreatedInEntraAt!.Value) <= Tolerance).Take(2).ToList();
        var kept = twins.Count == 1 ? Absorb(key, twins[0]) : key;
        pairing.PairWithAdOnly(kept);
        return kept;
    }

    /// <summary>Two tracked keys are one: the one further along (in AD, then stuck) keeps its row and events, and takes the other's ids.</summary>
    private TrackedKey Absorb(TrackedKey key, TrackedKey twin)
    {
        var (kept, dropped) = Progress(twin) > Progress(key) ? (twin, key) : (key, twin);
        Merge(kept, KeyIdentity.ObservationOf(dropped));
        state.Drop(dropped);
        return kept;
    }

    private static int Progress(TrackedKey key) => key.State.IsInAd() ? 2 : key.State == KeyState.Stuck ? 1 : 0;
}
