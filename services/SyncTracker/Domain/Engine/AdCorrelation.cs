namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// The AD side: users a scan or lookup returned with their current values. New values pair with waiting Entra keys or
/// wait as AD-only values; values gone from AD end their keys.
/// </summary>
internal sealed class AdCorrelation(TenantSyncState state, KeyLifecycle lifecycle, KeyPairing pairing, StuckDiagnosis diagnosis)
{
    /// <summary>
    /// A scan returned this user with all its current values: new values pair with waiting Entra keys (synced or
    /// recovered) or wait as AD-only values; values gone from AD end their keys.
    /// </summary>
    public void ObserveAdUser(AdUserObservation observation)
    {
        var user = RecordAdUser(observation);
        user.AttributeUnreadable &= observation.Values.Count == 0;
        var present = observation.Values.DistinctBy(v => v.KeyId).ToDictionary(v => v.KeyId, StringComparer.Ordinal);
        var inAd = state.Keys.OfAdUser(user.ObjectGuid).Where(k => k.State != KeyState.Removed).ToArray();
        foreach (var gone in inAd.Where(k => !present.ContainsKey(k.AdKeyId!)))
        {
            lifecycle.LeftAd(gone);
        }

        var known = inAd.Select(k => k.AdKeyId!).ToHashSet(StringComparer.Ordinal);
        var entraUser = state.Users.EntraUserOf(user);
        foreach (var value in present.Values.Where(v => !known.Contains(v.KeyId)))
        {
            var waiting = entraUser is null ? [] : pairing.WaitingWithoutValue(entraUser.UserId);
            var adOnly = AdOnlyKey(user, entraUser, value);
            if (KeyMatcher.BestEntraKeyFor(waiting, value, state.Thresholds.CreationTolerance) is { } key)
            {
                pairing.Attach(key, adOnly);
            }
            else
            {
                lifecycle.Unclaimed(adOnly);
            }
        }

        diagnosis.RefreshStuckHints(entraUser);
    }

    /// <summary>The user's identity and adminCount as read; its values are left to the caller.</summary>
    public AdUser RecordAdUser(AdUserObservation observation)
    {
        var user = PutAdUser(observation.ObjectGuid, observation.DistinguishedName);
        user.Sid = observation.Sid ?? user.Sid;
        user.UserPrincipalName = SharedUpn(user, observation.UserPrincipalName) ?? user.UserPrincipalName;
        user.AdminSdHolderProtected = observation.AdminSdHolderProtected;
        state.Users.Put(user);
        return user;
    }

    /// <summary>A scan saw the user but could not read its msDS-KeyCredentialLink (a permission smell), and its adminCount.</summary>
    public void ObserveAttributeUnreadable(Guid objectGuid, string? distinguishedName, bool adminSdHolderProtected)
    {
        var user = PutAdUser(objectGuid, distinguishedName);
        user.AttributeUnreadable = true;
        user.AdminSdHolderProtected = adminSdHolderProtected;
        diagnosis.RefreshStuckHints(state.Users.EntraUserOf(user));
    }

    /// <summary>
    /// After a full scan: users that held values but were not returned (and are not unreadable) have none left.
    /// </summary>
    public void CompleteFullScan(IReadOnlySet<Guid> seenWithValues)
    {
        foreach (var objectGuid in state.Keys.AdUsersWithKeys.Where(g => !seenWithValues.Contains(g)).ToArray())
        {
            if (state.Users.Ad(objectGuid) is { AttributeUnreadable: true })
            {
                continue;
            }

            foreach (var key in state.Keys.OfAdUser(objectGuid).Where(k => k.State != KeyState.Removed).ToArray())
            {
                lifecycle.LeftAd(key);
            }
        }
    }

    /// <summary>A value just read, as the AD side of a key: it becomes a key of its own only when no waiting Entra key claims it.</summary>
    private TrackedKey AdOnlyKey(AdUser user, EntraUser? entraUser, AdKeyValue value) => new()
    {
        Id = Guid.CreateVersion7(state.Now),
        TenantId = state.TenantId,
        EntraUserId = entraUser?.UserId,
        UserPrincipalName = entraUser?.UserPrincipalName ?? user.UserPrincipalName,
        AdObjectGuid = user.ObjectGuid,
        AdObjectDn = user.DistinguishedName,
        AdKeyId = value.KeyId,
        DeviceId = value.DeviceId,
        AdCreatedAt = value.CreatedAt,
        ObservedInAdAt = state.Now,
        UnmatchedSince = state.Now,
    };

    /// <summary>
    /// The scanned UPN, as the string already held for it (the user's own, or its Entra user's when equal): every scan
    /// would otherwise keep one more copy per user, growing with the directory.
    /// </summary>
    private string? SharedUpn(AdUser user, string? scanned) =>
        scanned is null ? null
        : string.Equals(user.UserPrincipalName, scanned, StringComparison.Ordinal) ? user.UserPrincipalName
        : state.Users.EntraUserOf(user)?.UserPrincipalName is { } entra && string.Equals(entra, scanned, StringComparison.Ordinal) ? entra
        : scanned;

    private AdUser PutAdUser(Guid objectGuid, string? distinguishedName)
    {
        var user = state.Users.Ad(objectGuid) ?? new AdUser { TenantId = state.TenantId, ObjectGuid = objectGuid };
        user.DistinguishedName = distinguishedName ?? user.DistinguishedName;
        user.LastSeenAt = state.Now;
        state.Users.Put(user);
        state.Changes.AdUsers.Add(user);
        return user;
    }
}
