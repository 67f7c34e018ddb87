using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
{
    /// <summary>
    /// Applies the thresholds at the current time: stalled pipeline, stuck keys, orphaned values. Safe to call often. Stall
    /// and stuck are about what AD lacks: they wait while AD is not observed (<see cref="AdObservationCurrent"/>).
    /// </summary>
    public void Evaluate()
    {
        if (AdObservationCurrent)
        {
            EvaluateWaitingKeys();
        }

        foreach (var key in _keys.Unmatched.Where(k => Now - k.UnmatchedSince >= Thresholds.OrphanGrace && NoEntraKeyConfirmed(k)).ToArray())
        {
            key.OrphanReason ??= OrphanReason.NoMatchingEntraKey;
            SetState(key, KeyState.Orphaned);
            Emit(new OrphanedKeyDetected(EventIds.For("key-orphaned", key.Id, key.UnmatchedSince!.Value), TenantId, key.EntraUserId,
                key.AdObjectDn ?? "", key.AdKeyId!, key.DeviceId, key.AdCreatedAt, key.OrphanReason.Value, Now));
        }
    }

    private void EvaluateWaitingKeys()
    {
        EvaluatePipeline();
        EvaluateBacklog();
        foreach (var key in _keys.Waiting.Where(k => k.State == KeyState.AwaitingAd && Now - k.CreatedInEntraAt >= Thresholds.StuckAfter && StillListed(k)).ToArray())
        {
            key.StuckSince = Now;
            key.Hints = Hints(key);
            SetState(key, KeyState.Stuck);
            Emit(new KeySyncStuck(EventIds.For("key-stuck", key.Id, key.CreatedInEntraAt!.Value), key.ToReference(), Now,
                Now - key.CreatedInEntraAt.Value, key.Hints));
        }
    }

    /// <summary>What the data says about why this key has not reached AD.</summary>
    public List<StuckKeyHint> Hints(TrackedKey key)
    {
        var hints = UserHints(EntraUserOf(key));
        AddPipelineHints(key, hints);
        return hints;
    }

    private List<StuckKeyHint> UserHints(EntraUser? entraUser)
    {
        var hints = new List<StuckKeyHint>(2);
        if (entraUser is null)
        {
            return hints;
        }

        if (_users.AdUserOf(entraUser) is not { } adUser)
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
    /// A stuck key's hints as the engine knows its user now (a lookup found it, or confirmed it absent; a scan saw its
    /// adminCount change): the stuck event stays the one raised, the key's row carries the new hints.
    /// </summary>
    private void RefreshStuckHints(EntraUser? user)
    {
        if (user is null)
        {
            return;
        }

        // Runs for every scanned user: an indexed loop, no enumerator to allocate.
        var keys = _keys.OfEntraUser(user.UserId);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (key.State != KeyState.Stuck)
            {
                continue;
            }

            var hints = UserHints(user);
            hints.AddRange(key.Hints.Where(IsPipelineHint));

            if (!hints.SequenceEqual(key.Hints))
            {
                key.Hints = hints;
                _changes.Keys.Add(key);
            }
        }
    }

    /// <summary>
    /// Stalled: no key synced for the stall window while a key without a user-specific explanation waited that long, or the
    /// organization's last directory sync is that old (<see cref="OnPremisesSyncStale"/>); either opens the one episode. It
    /// ends when a key syncs, or when neither holds any more (without a fresh organization reading: when no key waits).
    /// </summary>
    private void EvaluatePipeline()
    {
        if (_pipeline.IsStalled)
        {
            if (OnPremisesSyncKnown ? !OnPremisesSyncStale && !KeysStall() : _keys.Waiting.Count == 0)
            {
                EndStall();
            }

            return;
        }

        if (KeysStall() || OnPremisesSyncStale)
        {
            _pipeline.StalledSince = Now;
            _changes.PipelineChanged = true;
            Emit(new SyncPipelineStalled(EventIds.For("pipeline-stalled", TenantId, Now), TenantId, Now, _pipeline.LastKeySyncedAt, _keys.Waiting.Count));
        }
    }

    private bool KeysStall()
    {
        var quiet = _pipeline.LastKeySyncedAt is not { } last || Now - last >= Thresholds.StallAfter;
        return quiet && _keys.Waiting.Any(k => Now - k.CreatedInEntraAt >= Thresholds.StallAfter && !ExplainedByUser(k));
    }

    private void PipelineSawSync()
    {
        _pipeline.LastKeySyncedAt = _pipeline.LastKeySyncedAt is { } last && last > Now ? last : Now;
        _changes.PipelineChanged = true;
        if (_pipeline.IsStalled)
        {
            EndStall();
        }
    }

    private void EndStall()
    {
        var since = _pipeline.StalledSince!.Value;
        _pipeline.StalledSince = null;
        _pipeline.LastRecoveredAt = Now;
        _changes.PipelineChanged = true;
        Emit(new SyncPipelineRecovered(EventIds.For("pipeline-recovered", TenantId, since), TenantId, since, Now, _keys.Waiting.Count));
    }

    /// <summary>The key's user explains why it waits (the pipeline may be fine): a hint about that user alone.</summary>
    private bool ExplainedByUser(TrackedKey key)
    {
        var user = EntraUserOf(key);
        return UserHints(user).Any(h => IsUserSpecific(h, user));
    }

    /// <summary>
    /// adminCount and out of sync scope are about the user alone; "not found in AD" only once a lookup by its anchors
    /// confirmed it absent: a user merely not seen yet (no key, unchanged since the cursor) may exist and be fine.
    /// </summary>
    private bool IsUserSpecific(StuckKeyHint hint, EntraUser? user) => hint switch
    {
        StuckKeyHint.AdminSdHolderProtected or StuckKeyHint.UserOutOfSyncScope => true,
        StuckKeyHint.UserNotFoundInAd => user is not null && _users.LookupOf(user.UserId) is { } lookup && lookup.ConfirmsAbsent(user),
        _ => false,
    };
}
