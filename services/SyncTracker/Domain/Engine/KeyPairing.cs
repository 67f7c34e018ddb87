namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// Pairs a waiting Entra key with its value in AD, whichever side arrived first: the key takes the value's AD side and
/// is then in AD, which also tells the pipeline that Entra Connect exported.
/// </summary>
internal sealed class KeyPairing(TenantSyncState state, KeyLifecycle lifecycle, PipelineMonitor pipeline)
{
    /// <summary>The Entra key takes the AD side of <paramref name="adSide"/> (a fresh value, or an AD-only key seen earlier).</summary>
    public void Attach(TrackedKey key, TrackedKey adSide)
    {
        key.AdObjectGuid = adSide.AdObjectGuid;
        key.AdObjectDn = adSide.AdObjectDn;
        key.AdKeyId = adSide.AdKeyId;
        key.AdCreatedAt = adSide.AdCreatedAt;
        key.DeviceId ??= adSide.DeviceId;
        key.ObservedInAdAt = adSide.ObservedInAdAt;
        state.Keys.LinkAdUser(key);
        if (state.Keys.Get(adSide.Id) is not null)
        {
            state.Drop(adSide);
        }

        lifecycle.FoundInAd(key);
        pipeline.PipelineSawSync(key);
    }

    /// <summary>An AD value seen before its Entra key (out of order): pair it with a waiting key of the user, if one fits.</summary>
    public void PairAdOnly(TrackedKey adOnly, Guid entraUserId)
    {
        if (KeyMatcher.BestEntraKeyFor(WaitingWithoutValue(entraUserId), KeyMatcher.AdSideOf(adOnly), state.Thresholds.CreationTolerance) is { } key)
        {
            Attach(key, adOnly);
        }
    }

    /// <summary>A waiting Entra key without an AD side takes the unclaimed AD value of its user that fits it best, if any.</summary>
    public void PairWithAdOnly(TrackedKey key)
    {
        if (!key.State.IsWaiting() || key.AdKeyId is not null || key.EntraUserId is not { } userId
            || state.Users.Entra(userId) is not { } user || state.Users.AdUserOf(user) is not { } adUser)
        {
            return;
        }

        var adOnly = state.Keys.OfAdUser(adUser.ObjectGuid).Where(k => k.State.IsAdOnly());
        if (KeyMatcher.BestAdValueFor(key, adOnly, state.Thresholds.CreationTolerance) is { } match)
        {
            Attach(key, match);
        }
    }

    /// <summary>The user's Entra keys still waiting for a value of their own.</summary>
    public IEnumerable<TrackedKey> WaitingWithoutValue(Guid entraUserId) =>
        state.Keys.OfEntraUser(entraUserId).Where(k => k.State.IsWaiting() && k.AdKeyId is null);
}
