using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
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
        var inAd = _keys.OfAdUser(user.ObjectGuid).Where(k => k.State != KeyState.Removed).ToArray();
        foreach (var gone in inAd.Where(k => !present.ContainsKey(k.AdKeyId!)))
        {
            ValueLeftAd(gone);
        }

        var known = inAd.Select(k => k.AdKeyId!).ToHashSet(StringComparer.Ordinal);
        var entraUser = _users.EntraUserOf(user);
        foreach (var value in present.Values.Where(v => !known.Contains(v.KeyId)))
        {
            var waiting = entraUser is null ? [] : _keys.OfEntraUser(entraUser.UserId).Where(k => k.State.IsWaiting() && k.AdKeyId is null);
            var adOnly = new TrackedKey
            {
                Id = Guid.CreateVersion7(Now),
                TenantId = TenantId,
                State = KeyState.Unmatched,
                EntraUserId = entraUser?.UserId,
                UserPrincipalName = entraUser?.UserPrincipalName ?? user.UserPrincipalName,
                AdObjectGuid = user.ObjectGuid,
                AdObjectDn = user.DistinguishedName,
                AdKeyId = value.KeyId,
                DeviceId = value.DeviceId,
                AdCreatedAt = value.CreatedAt,
                ObservedInAdAt = Now,
                UnmatchedSince = Now,
            };
            if (KeyMatcher.BestEntraKeyFor(waiting, value, Thresholds.CreationTolerance) is { } key)
            {
                AttachAdSide(key, adOnly);
            }
            else
            {
                _keys.Add(adOnly);
                _changes.Keys.Add(adOnly);
            }
        }

        RefreshStuckHints(entraUser);
    }

    /// <summary>The user's identity and adminCount as read; its values are left to the caller.</summary>
    private AdUser RecordAdUser(AdUserObservation observation)
    {
        var user = PutAdUser(observation.ObjectGuid, observation.DistinguishedName);
        user.Sid = observation.Sid ?? user.Sid;
        user.UserPrincipalName = SharedUpn(user, observation.UserPrincipalName) ?? user.UserPrincipalName;
        user.AdminSdHolderProtected = observation.AdminSdHolderProtected;
        _users.Put(user);
        return user;
    }

    /// <summary>
    /// The scanned UPN, as the string already held for it (the user's own, or its Entra user's when equal): every scan
    /// would otherwise keep one more copy per user, growing with the directory.
    /// </summary>
    private string? SharedUpn(AdUser user, string? scanned) =>
        scanned is null ? null
        : string.Equals(user.UserPrincipalName, scanned, StringComparison.Ordinal) ? user.UserPrincipalName
        : _users.EntraUserOf(user)?.UserPrincipalName is { } entra && string.Equals(entra, scanned, StringComparison.Ordinal) ? entra
        : scanned;

    /// <summary>A scan saw the user but could not read its msDS-KeyCredentialLink (a permission smell), and its adminCount.</summary>
    public void ObserveAttributeUnreadable(Guid objectGuid, string? distinguishedName, bool adminSdHolderProtected)
    {
        var user = PutAdUser(objectGuid, distinguishedName);
        user.AttributeUnreadable = true;
        user.AdminSdHolderProtected = adminSdHolderProtected;
        RefreshStuckHints(_users.EntraUserOf(user));
    }

    /// <summary>
    /// After a full scan: users that held values but were not returned (and are not unreadable) have none left.
    /// </summary>
    public void CompleteFullScan(IReadOnlySet<Guid> seenWithValues)
    {
        foreach (var objectGuid in _keys.AdUsersWithKeys.Where(g => !seenWithValues.Contains(g)).ToArray())
        {
            if (_users.Ad(objectGuid) is { AttributeUnreadable: true })
            {
                continue;
            }

            foreach (var key in _keys.OfAdUser(objectGuid).Where(k => k.State != KeyState.Removed).ToArray())
            {
                ValueLeftAd(key);
            }
        }
    }

    private AdUser PutAdUser(Guid objectGuid, string? distinguishedName)
    {
        var user = _users.Ad(objectGuid) ?? new AdUser { TenantId = TenantId, ObjectGuid = objectGuid };
        user.DistinguishedName = distinguishedName ?? user.DistinguishedName;
        user.LastSeenAt = Now;
        _users.Put(user);
        _changes.AdUsers.Add(user);
        return user;
    }

    /// <summary>The Entra key takes the AD side of <paramref name="adSide"/> (a fresh value, or an AD-only key seen earlier).</summary>
    private void AttachAdSide(TrackedKey key, TrackedKey adSide)
    {
        key.AdObjectGuid = adSide.AdObjectGuid;
        key.AdObjectDn = adSide.AdObjectDn;
        key.AdKeyId = adSide.AdKeyId;
        key.AdCreatedAt = adSide.AdCreatedAt;
        key.DeviceId ??= adSide.DeviceId;
        key.ObservedInAdAt = adSide.ObservedInAdAt;
        _keys.LinkAdUser(key);
        if (_keys.Get(adSide.Id) is not null)
        {
            Drop(adSide);
        }

        MarkInAd(key);
    }

    private void MarkInAd(TrackedKey key)
    {
        var observed = key.ObservedInAdAt!.Value;
        var reference = key.ToReference();
        if (key.State == KeyState.Stuck)
        {
            SetState(key, KeyState.Recovered);
            Emit(new KeySyncRecovered(EventIds.For("key-recovered", key.Id, key.StuckSince!.Value), reference, key.StuckSince.Value, observed, key.Latency!.Value));
        }
        else
        {
            SetState(key, KeyState.Synced);
            Emit(new KeySynced(EventIds.For("key-synced", key.Id, key.CreatedInEntraAt!.Value), reference, observed, key.Latency!.Value));
        }

        RecordExport(key);
        PipelineSawSync();
    }

    /// <summary>The value is gone: reported for keys someone was told about (an Entra key, or an orphan).</summary>
    private void ValueLeftAd(TrackedKey key)
    {
        var reported = key.HasEntraSide || key.State == KeyState.Orphaned;
        key.RemovedFromAdAt = Now;
        SetState(key, KeyState.Removed);
        if (reported)
        {
            Emit(new NgcKeyRemovedFromAd(EventIds.For("key-removed-from-ad", key.Id, Now), key.ToReference(), Now));
        }
    }
}
