namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
{
    /// <summary>Graph described a user: record its on-premises anchors and pair any AD values that were waiting for it.</summary>
    public void ObserveEntraUser(EntraUserObservation observation)
    {
        var user = _users.Entra(observation.UserId) ?? new EntraUser { TenantId = TenantId, UserId = observation.UserId };
        user.UserPrincipalName = observation.UserPrincipalName ?? user.UserPrincipalName;
        user.OnPremisesObjectGuid = observation.OnPremisesObjectGuid;
        user.OnPremisesSid = observation.OnPremisesSecurityIdentifier;
        user.DescribedByGraph = true;
        user.LastSeenAt = Now;
        _users.Put(user);
        _changes.EntraUsers.Add(user);
        if (_users.AdUserOf(user) is { } adUser)
        {
            foreach (var adOnly in _keys.OfAdUser(adUser.ObjectGuid).Where(k => k.State.IsAdOnly()).ToArray())
            {
                PairAdOnly(adOnly, user.UserId);
            }
        }
    }

    /// <summary>A key exists in Entra ID (device event or Graph); duplicates and late copies merge into the key already known.</summary>
    public TrackedKey ObserveEntraKey(EntraKeyObservation observation)
    {
        var user = EnsureEntraUser(observation.UserId, observation.UserPrincipalName);
        AdoptDeviceSid(user, observation.UserSid);
        if (FindEntraKey(observation) is { } known)
        {
            var hadDevice = known.DeviceId is not null;
            Merge(known, observation);
            return hadDevice || known.DeviceId is null ? known : DeviceLearned(known);
        }

        var key = new TrackedKey
        {
            Id = Guid.CreateVersion7(Now),
            TenantId = TenantId,
            State = KeyState.AwaitingAd,
            EntraUserId = observation.UserId,
            UserPrincipalName = user.UserPrincipalName ?? observation.UserPrincipalName,
        };
        Merge(key, observation);
        key.CreatedInEntraAt = observation.CreatedAt;
        _keys.Add(key);
        PairWithAdOnly(key);
        return key;
    }

    /// <summary>The key (or every key of the device) was deleted in Entra ID.</summary>
    public void ObserveEntraKeyRemoved(Guid userId, Guid? deviceId, string? entraKeyId, bool deviceDeleted)
    {
        foreach (var key in _keys.OfEntraUser(userId).Where(k => k.HasEntraSide && k.EntraRemovedAt is null).ToArray())
        {
            var same = entraKeyId is not null ? key.EntraKeyId == entraKeyId : deviceId is not null && key.DeviceId == deviceId;
            if (same)
            {
                EndEntraSide(key, deviceDeleted);
            }
        }
    }

    /// <summary>The key no longer exists in Entra ID: a value in AD is now unclaimed (orphan after the grace), a waiting key is removed.</summary>
    private void EndEntraSide(TrackedKey key, bool deviceDeleted)
    {
        key.EntraRemovedAt = Now;
        _changes.Keys.Add(key);
        if (key.State.IsInAd())
        {
            key.UnmatchedSince = Now;
            key.OrphanReason = deviceDeleted ? Contracts.Keys.OrphanReason.DeviceDeleted : Contracts.Keys.OrphanReason.EntraKeyDeleted;
            SetState(key, KeyState.Unmatched);
        }
        else if (key.State.IsWaiting())
        {
            SetState(key, KeyState.Removed);
        }
    }

    private EntraUser EnsureEntraUser(Guid userId, string? upn)
    {
        if (_users.Entra(userId) is { } known)
        {
            return known;
        }

        var user = new EntraUser { TenantId = TenantId, UserId = userId, UserPrincipalName = upn, LastSeenAt = Now };
        _users.Put(user);
        _changes.EntraUsers.Add(user);
        return user;
    }

    /// <summary>
    /// Until Graph describes the user, the SID its device reported (a domain account's: S-1-5-21-…) is the user's AD
    /// anchor: the AD user, its values and its lookup by anchor are found by it without waiting for Graph. Graph's
    /// anchors replace it once it describes the user. Well-known (S-1-5-18) and Entra (S-1-12-1-…) SIDs are no AD user's.
    /// </summary>
    private void AdoptDeviceSid(EntraUser user, string? sid)
    {
        if (user.DescribedByGraph || user.HasOnPremisesAnchor || !IsDomainAccountSid(sid))
        {
            return;
        }

        user.OnPremisesSid = sid;
        _users.Put(user);
        _changes.EntraUsers.Add(user);
    }

    private static bool IsDomainAccountSid(string? sid) =>
        sid is not null && sid.StartsWith("S-1-5-21-", StringComparison.OrdinalIgnoreCase) && sid.Count(c => c == '-') >= 7;

    /// <summary>An AD value seen before its Entra key (out of order): pair it with a waiting key of the user, if one fits.</summary>
    private void PairAdOnly(TrackedKey adOnly, Guid entraUserId)
    {
        var waiting = _keys.OfEntraUser(entraUserId).Where(k => k.State.IsWaiting() && k.AdKeyId is null);
        if (KeyMatcher.BestEntraKeyFor(waiting, KeyMatcher.AdSideOf(adOnly), Thresholds.CreationTolerance) is { } key)
        {
            AttachAdSide(key, adOnly);
        }
    }
}
