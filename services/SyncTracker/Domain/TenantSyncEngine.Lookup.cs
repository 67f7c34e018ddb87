namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
{
    /// <summary>
    /// Entra users to read from AD by their anchors: a key of theirs has waited for AD longer than one sync cycle
    /// (<see cref="KeyWaitedPastCycle"/>) and no scan returned their AD user (a user without values that did not change
    /// since the cursor, such as an adminCount=1 user Entra Connect cannot write, or one gone from AD). At most
    /// <paramref name="max"/>, those never looked up first; each is marked looked up now and is due again one cycle later
    /// (at once when Graph gave it other anchors meanwhile). A healthy tenant, whose keys reach AD within a cycle, has none.
    /// </summary>
    public IReadOnlyList<AdLookupRequest> TakeAdLookups(int max)
    {
        var due = _keys.Waiting.Where(KeyWaitedPastCycle)
            .Select(EntraUserOf)
            .OfType<EntraUser>()
            .Distinct()
            .Where(u => u.HasOnPremisesAnchor && _users.AdUserOf(u) is null)
            .Select(u => (User: u, Last: _users.LookupOf(u.UserId)))
            .Where(d => d.Last is null || !d.Last.IsFor(d.User) || Now - d.Last.LookedUpAt >= Thresholds.Cycle)
            .OrderBy(d => d.Last?.LookedUpAt ?? DateTimeOffset.MinValue)
            .Take(max)
            .ToList();
        return [.. due.Select(d => MarkLookedUp(d.User, d.Last))];
    }

    /// <summary>A lookup read this AD user: known from now on, with its adminCount; its values as a scan's when it has any.</summary>
    /// <remarks>
    /// A user with no values says nothing about values: the key may not be written yet or the bind account may not read
    /// the attribute, so nothing is removed and nothing is called unreadable.
    /// </remarks>
    public void ObserveLookedUpAdUser(AdUserObservation observation)
    {
        if (observation.Values.Count > 0)
        {
            ObserveAdUser(observation);
        }
        else
        {
            RefreshStuckHints(_users.EntraUserOf(RecordAdUser(observation)));
        }

        if (_users.Ad(observation.ObjectGuid) is { } adUser && _users.EntraUserOf(adUser) is { } entraUser
            && _users.LookupOf(entraUser.UserId) is { ConfirmedAbsent: true } lookup)
        {
            lookup.ConfirmedAbsent = false;
            _changes.AdLookups.Add(lookup);
        }
    }

    /// <summary>AD has no user by the anchors looked up: "not found in AD" is now a reason of the user's own, not of the pipeline.</summary>
    public void ObserveAbsentFromAd(AdLookupRequest request)
    {
        if (_users.LookupOf(request.EntraUserId) is not { } lookup || !lookup.IsFor(request.ObjectGuid, request.Sid))
        {
            return;
        }

        lookup.ConfirmedAbsent = true;
        _changes.AdLookups.Add(lookup);
        RefreshStuckHints(_users.Entra(request.EntraUserId));
    }

    private AdLookupRequest MarkLookedUp(EntraUser user, AdLookup? last)
    {
        var lookup = last ?? new AdLookup { TenantId = TenantId, EntraUserId = user.UserId };
        if (!lookup.IsFor(user))
        {
            (lookup.ObjectGuid, lookup.Sid, lookup.ConfirmedAbsent) = (user.OnPremisesObjectGuid, user.OnPremisesSid, false);
        }

        lookup.LookedUpAt = Now;
        _users.Put(lookup);
        _changes.AdLookups.Add(lookup);
        return new AdLookupRequest(user.UserId, lookup.ObjectGuid, lookup.Sid);
    }
}
