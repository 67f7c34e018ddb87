namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// Lookups by anchor of Entra users whose AD user no scan returned although a key of theirs waits: which users to
/// read, and what the answer (found, or confirmed absent) means for them.
/// </summary>
internal sealed class AdLookupPlanner(TenantSyncState state, AdCorrelation ad, StuckDiagnosis diagnosis)
{
    /// <summary>
    /// Entra users to read from AD by their anchors: a key of theirs has waited for AD longer than one sync cycle
    /// (<see cref="TenantSyncState.WaitedPastCycle"/>) and no scan returned their AD user (a user without values that did
    /// not change since the cursor, such as an adminCount=1 user Entra Connect cannot write, or one gone from AD). At most
    /// <paramref name="max"/>, those never looked up first; each is marked looked up now and is due again one cycle later
    /// (at once when Graph gave it other anchors meanwhile). A healthy tenant, whose keys reach AD within a cycle, has none.
    /// </summary>
    public IReadOnlyList<AdLookupRequest> TakeAdLookups(int max)
    {
        var due = state.Keys.Waiting.Where(state.WaitedPastCycle)
            .Select(state.EntraUserOf)
            .OfType<EntraUser>()
            .Distinct()
            .Where(u => u.HasOnPremisesAnchor && state.Users.AdUserOf(u) is null)
            .Select(u => (User: u, Last: state.Users.LookupOf(u.UserId)))
            .Where(d => d.Last is null || !d.Last.IsFor(d.User) || state.Now - d.Last.LookedUpAt >= state.Thresholds.Cycle)
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
            ad.ObserveAdUser(observation);
        }
        else
        {
            diagnosis.RefreshStuckHints(state.Users.EntraUserOf(ad.RecordAdUser(observation)));
        }

        if (state.Users.Ad(observation.ObjectGuid) is { } adUser && state.Users.EntraUserOf(adUser) is { } entraUser
            && state.Users.LookupOf(entraUser.UserId) is { ConfirmedAbsent: true } lookup)
        {
            lookup.ConfirmedAbsent = false;
            state.Changes.AdLookups.Add(lookup);
        }
    }

    /// <summary>AD has no user by the anchors looked up: "not found in AD" is now a reason of the user's own, not of the pipeline.</summary>
    public void ObserveAbsentFromAd(AdLookupRequest request)
    {
        if (state.Users.LookupOf(request.EntraUserId) is not { } lookup || !lookup.IsFor(request.ObjectGuid, request.Sid))
        {
            return;
        }

        lookup.ConfirmedAbsent = true;
        state.Changes.AdLookups.Add(lookup);
        diagnosis.RefreshStuckHints(state.Users.Entra(request.EntraUserId));
    }

    private AdLookupRequest MarkLookedUp(EntraUser user, AdLookup? last)
    {
        var lookup = last ?? new AdLookup { TenantId = state.TenantId, EntraUserId = user.UserId };
        if (!lookup.IsFor(user))
        {
            (lookup.ObjectGuid, lookup.Sid, lookup.ConfirmedAbsent) = (user.OnPremisesObjectGuid, user.OnPremisesSid, false);
        }

        lookup.LookedUpAt = state.Now;
        state.Users.Put(lookup);
        state.Changes.AdLookups.Add(lookup);
        return new AdLookupRequest(user.UserId, lookup.ObjectGuid, lookup.Sid);
    }
}
