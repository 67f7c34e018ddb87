using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>What the data says about why a key has not reached AD: hints about its user, and about the export.</summary>
internal sealed class StuckDiagnosis(TenantSyncState state)
{
    /// <summary>
    /// The hints for this key now: its user's, plus the export's: a stalled pipeline; else, for a key its user does not
    /// explain (a user-specific hint is the better explanation), passed over by the export, or waiting in its backlog.
    /// </summary>
    public List<StuckKeyHint> Hints(TrackedKey key)
    {
        var hints = UserHints(state.EntraUserOf(key));
        if (state.Pipeline.IsStalled)
        {
            hints.Add(StuckKeyHint.PipelineStalled);
        }
        else if (!ExplainedByUser(key) && state.Backlog.PassedOver(key))
        {
            hints.Add(StuckKeyHint.PassedOverByExport);
        }
        else if (!ExplainedByUser(key) && state.Pipeline.HasBacklog)
        {
            hints.Add(StuckKeyHint.PipelineBacklog);
        }

        return hints;
    }

    /// <summary>
    /// A stuck key's hints as the engine knows its user now (a lookup found it, or confirmed it absent; a scan saw its
    /// adminCount change): the stuck event stays the one raised, the key's row carries the new hints.
    /// </summary>
    public void RefreshStuckHints(EntraUser? user)
    {
        if (user is null)
        {
            return;
        }

        // Runs for every scanned user: an indexed loop, no enumerator to allocate.
        var keys = state.Keys.OfEntraUser(user.UserId);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (key.State != KeyState.Stuck)
            {
                continue;
            }

            var hints = UserHints(user);
            hints.AddRange(key.Hints.Where(IsAboutTheExport));

            if (!hints.SequenceEqual(key.Hints))
            {
                key.Hints = hints;
                state.Changes.Keys.Add(key);
            }
        }
    }

    /// <summary>
    /// The key waits for a reason of its own: its user explains it, or the export passed it over. Weaker hints (a user not
    /// seen in AD yet, values not readable yet) are not: a pipeline episode explains such a key better.
    /// </summary>
    public bool OwnCause(TrackedKey key, IReadOnlyList<StuckKeyHint> hints) => hints.Contains(StuckKeyHint.PassedOverByExport) || ExplainedByUser(key);

    private static bool IsAboutTheExport(StuckKeyHint hint) =>
        hint is StuckKeyHint.PipelineStalled or StuckKeyHint.PipelineBacklog or StuckKeyHint.PassedOverByExport;

    /// <summary>The key's user explains why it waits (the pipeline may be fine): a hint about that user alone.</summary>
    public bool ExplainedByUser(TrackedKey key)
    {
        var user = state.EntraUserOf(key);
        return UserHints(user).Any(h => IsUserSpecific(h, user));
    }

    private List<StuckKeyHint> UserHints(EntraUser? entraUser)
    {
        var hints = new List<StuckKeyHint>(2);
        if (entraUser is null)
        {
            return hints;
        }

        if (state.Users.AdUserOf(entraUser) is not { } adUser)
        {
            if (entraUser.DescribedByGraph)
            {
                hints.Add(entraUser.HasOnPremisesAnchor ? StuckKeyHint.UserNotFoundInAd : StuckKeyHint.UserOutOfSyncScope);
            }

            return hints;
        }

        if (adUser.AdminSdHolderProtected)
        {
            hints.Add(StuckKeyHint.AdminSdHolderProtected);
        }

        if (adUser.AttributeUnreadable)
        {
            hints.Add(StuckKeyHint.AttributeUnreadable);
        }

        return hints;
    }

    /// <summary>
    /// adminCount and out of sync scope are about the user alone; "not found in AD" only once a lookup by its anchors
    /// confirmed it absent: a user merely not seen yet (no key, unchanged since the cursor) may exist and be fine.
    /// </summary>
    private bool IsUserSpecific(StuckKeyHint hint, EntraUser? user) => hint switch
    {
        StuckKeyHint.AdminSdHolderProtected or StuckKeyHint.UserOutOfSyncScope => true,
        StuckKeyHint.UserNotFoundInAd => user is not null && state.Users.LookupOf(user.UserId) is { } lookup && lookup.ConfirmsAbsent(user),
        _ => false,
    };
}
