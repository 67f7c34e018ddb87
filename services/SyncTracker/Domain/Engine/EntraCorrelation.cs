namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// The Entra side: users Graph describes, keys devices report or Graph lists (new, or merged into the key already
/// known), and keys gone from Entra ID. Each new fact may pair a key with an AD value that waited for it.
/// </summary>
internal sealed class EntraCorrelation(TenantSyncState state, KeyLifecycle lifecycle, KeyPairing pairing, KeyMerger merger)
{
    /// <summary>Graph described a user: record its on-premises anchors and pair any AD values that were waiting for it.</summary>
    public void ObserveEntraUser(EntraUserObservation observation)
    {
        var user = state.Users.Entra(observation.UserId) ?? new EntraUser { TenantId = state.TenantId, UserId = observation.UserId };
        user.UserPrincipalName = observation.UserPrincipalName ?? user.UserPrincipalName;
        user.OnPremisesObjectGuid = observation.OnPremisesObjectGuid;
        user.OnPremisesSid = observation.OnPremisesSecurityIdentifier;
        user.DescribedByGraph = true;
        user.LastSeenAt = state.Now;
        state.Users.Put(user);
        state.Changes.EntraUsers.Add(user);
        if (state.Users.AdUserOf(user) is { } adUser)
        {
            foreach (var adOnly in state.Keys.OfAdUser(adUser.ObjectGuid).Where(k => k.State.IsAdOnly()).ToArray())
            {
                pairing.PairAdOnly(adOnly, user.UserId);
            }
        }
    }

    /// <summary>A key exists in Entra ID (device event or Graph); duplicates and late copies merge into the key already known.</summary>
    public TrackedKey ObserveEntraKey(EntraKeyObservation observation)
    {
        var user = EnsureEntraUser(observation.UserId, observation.UserPrincipalName);
        AdoptDeviceSid(user, observation.UserSid);
        if (merger.FindEntraKey(observation) is { } known)
        {
            var hadDevice = known.DeviceId is not null;
            merger.Merge(known, observation);
            return hadDevice || known.DeviceId is null ? known : merger.DeviceLearned(known);
        }

        var key = new TrackedKey
        {
            Id = Guid.CreateVersion7(state.Now),
            TenantId = state.TenantId,
            EntraUserId = observation.UserId,
            UserPrincipalName = user.UserPrincipalName ?? observation.UserPrincipalName,
        };
        merger.Merge(key, observation);
        key.CreatedInEntraAt = observation.CreatedAt;
        lifecycle.Registered(key);
        pairing.PairWithAdOnly(key);
        return key;
    }

    /// <summary>The key (or every key of the device) was deleted in Entra ID.</summary>
    public void ObserveEntraKeyRemoved(Guid userId, Guid? deviceId, string? entraKeyId, bool deviceDeleted)
    {
        foreach (var key in LiveEntraKeys(userId).ToArray())
        {
            var same = entraKeyId is not null ? key.EntraKeyId == entraKeyId : deviceId is not null && key.DeviceId == deviceId;
            if (same)
            {
                lifecycle.EntraSideEnded(key, deviceDeleted);
            }
        }
    }

    /// <summary>
    /// Graph listed every WHfB key the user has (a complete answer, not a diff): each listed key is observed (new, or
    /// merged into the key a device event announced), and keys of the user that Graph no longer lists end as deleted in
    /// Entra, unless they were created after <paramref name="cutoff"/> (Graph may not list a new key yet).
    /// <paramref name="listedAt"/> (when the listing was asked for; now when not given) dates what Graph confirmed.
    /// </summary>
    public void ObserveEntraKeyInventory(Guid userId, IReadOnlyList<EntraKeyObservation> listed, DateTimeOffset cutoff, DateTimeOffset? listedAt)
    {
        var user = EnsureEntraUser(userId, null);
        user.KeysListedAt = listedAt ?? state.Now;
        state.Changes.EntraUsers.Add(user);
        var seen = new HashSet<TrackedKey>();
        foreach (var observation in listed)
        {
            seen.Add(ObserveEntraKey(observation));
        }

        foreach (var gone in LiveEntraKeys(userId).Where(k => !seen.Contains(k) && k.CreatedInEntraAt <= cutoff).ToArray())
        {
            lifecycle.EntraSideEnded(gone, deviceDeleted: false);
        }
    }

    /// <summary>The user's keys learned from Entra that Entra has not deleted.</summary>
    private IEnumerable<TrackedKey> LiveEntraKeys(Guid userId) =>
        state.Keys.OfEntraUser(userId).Where(k => k.HasEntraSide && k.EntraRemovedAt is null);

    private EntraUser EnsureEntraUser(Guid userId, string? upn)
    {
        if (state.Users.Entra(userId) is { } known)
        {
            return known;
        }

        var user = new EntraUser { TenantId = state.TenantId, UserId = userId, UserPrincipalName = upn, LastSeenAt = state.Now };
        state.Users.Put(user);
        state.Changes.EntraUsers.Add(user);
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
        state.Users.Put(user);
        state.Changes.EntraUsers.Add(user);
    }

    private static bool IsDomainAccountSid(string? sid) =>
        sid is not null && sid.StartsWith("S-1-5-21-", StringComparison.OrdinalIgnoreCase) && sid.Count(c => c == '-') >= 7;
}
