using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// The key state machine: the only place a key's <see cref="TrackedKey.State"/> changes and an event about a key is
/// raised. Every move is checked against <see cref="Transitions"/>, so a move the table does not name is a bug that
/// surfaces at once instead of a key in a state nobody expects.
/// </summary>
internal sealed class KeyLifecycle(TenantSyncState state)
{
    /// <summary>Every allowed move, in the order the lifecycle diagram lists them.</summary>
    public static IReadOnlyList<KeyTransition> Transitions { get; } =
    [
        new(null, KeyState.AwaitingAd, KeyTrigger.EntraKeyObserved),
        new(null, KeyState.Unmatched, KeyTrigger.AdValueUnclaimed),
        new(KeyState.AwaitingAd, KeyState.Synced, KeyTrigger.ValueFoundInAd),
        new(KeyState.AwaitingAd, KeyState.Stuck, KeyTrigger.StuckThresholdPassed),
        new(KeyState.Stuck, KeyState.Recovered, KeyTrigger.ValueFoundInAd),
        new(KeyState.AwaitingAd, KeyState.Removed, KeyTrigger.EntraKeyGone),
        new(KeyState.Stuck, KeyState.Removed, KeyTrigger.EntraKeyGone),
        new(KeyState.Synced, KeyState.Unmatched, KeyTrigger.EntraKeyGone),
        new(KeyState.Recovered, KeyState.Unmatched, KeyTrigger.EntraKeyGone),
        new(KeyState.Unmatched, KeyState.Orphaned, KeyTrigger.OrphanGracePassed),
        new(KeyState.Synced, KeyState.Removed, KeyTrigger.ValueLeftAd),
        new(KeyState.Recovered, KeyState.Removed, KeyTrigger.ValueLeftAd),
        new(KeyState.Unmatched, KeyState.Removed, KeyTrigger.ValueLeftAd),
        new(KeyState.Orphaned, KeyState.Removed, KeyTrigger.ValueLeftAd),
    ];

    private readonly HashSet<KeyTransition> _taken = [];

    /// <summary>The moves this tenant's keys took so far (one entry per table row): lets tests prove every row is reachable.</summary>
    public IReadOnlySet<KeyTransition> Taken => _taken;

    /// <summary>A key registered in Entra ID is tracked from now on, waiting for AD.</summary>
    public void Registered(TrackedKey key)
    {
        Enter(key, KeyState.AwaitingAd, KeyTrigger.EntraKeyObserved);
        state.Keys.Add(key);
    }

    /// <summary>An AD value no Entra key claims is tracked from now on; the orphan grace starts.</summary>
    public void Unclaimed(TrackedKey adOnly)
    {
        Enter(adOnly, KeyState.Unmatched, KeyTrigger.AdValueUnclaimed);
        state.Keys.Add(adOnly);
        state.Changes.Keys.Add(adOnly);
    }

    /// <summary>The waiting key's value is in AD (its AD side is attached): synced, or recovered when it was stuck.</summary>
    public void FoundInAd(TrackedKey key)
    {
        var observed = key.ObservedInAdAt!.Value;
        var reference = key.ToReference();
        if (key.State == KeyState.Stuck)
        {
            Move(key, KeyState.Recovered, KeyTrigger.ValueFoundInAd);
            Emit(new KeySyncRecovered(EventIds.For("key-recovered", key.Id, key.StuckSince!.Value), reference, key.StuckSince.Value, observed, key.Latency!.Value));
        }
        else
        {
            Move(key, KeyState.Synced, KeyTrigger.ValueFoundInAd);
            Emit(new KeySynced(EventIds.For("key-synced", key.Id, key.CreatedInEntraAt!.Value), reference, observed, key.Latency!.Value));
        }
    }

    /// <summary>
    /// The key waited past the stuck threshold; <paramref name="hints"/> say what the data suggests as the reason, and
    /// <paramref name="ownCause"/> whether one of them is the key's own rather than the pipeline's.
    /// </summary>
    public void Stuck(TrackedKey key, List<StuckKeyHint> hints, bool ownCause)
    {
        var now = state.Now;
        Move(key, KeyState.Stuck, KeyTrigger.StuckThresholdPassed);
        key.StuckSince = now;
        key.Hints = hints;
        Emit(new KeySyncStuck(EventIds.For("key-stuck", key.Id, key.CreatedInEntraAt!.Value), key.ToReference(), now,
            now - key.CreatedInEntraAt.Value, key.Hints, ownCause));
    }

    /// <summary>
    /// The key no longer exists in Entra ID: a value in AD is now unclaimed (orphan after the grace), a waiting key is
    /// removed, a key already without a value only records when.
    /// </summary>
    public void EntraSideEnded(TrackedKey key, bool deviceDeleted)
    {
        key.EntraRemovedAt = state.Now;
        state.Changes.Keys.Add(key);
        if (key.State.IsInAd())
        {
            Move(key, KeyState.Unmatched, KeyTrigger.EntraKeyGone);
            key.UnmatchedSince = state.Now;
            key.OrphanReason = deviceDeleted ? OrphanReason.DeviceDeleted : OrphanReason.EntraKeyDeleted;
        }
        else if (key.State.IsWaiting())
        {
            Move(key, KeyState.Removed, KeyTrigger.EntraKeyGone);
        }
    }

    /// <summary>The unclaimed value outlived the grace: an orphan, reported once.</summary>
    public void Orphaned(TrackedKey key)
    {
        Move(key, KeyState.Orphaned, KeyTrigger.OrphanGracePassed);
        key.OrphanReason ??= OrphanReason.NoMatchingEntraKey;
        Emit(new OrphanedKeyDetected(EventIds.For("key-orphaned", key.Id, key.UnmatchedSince!.Value), state.TenantId, key.EntraUserId,
            key.AdObjectDn ?? "", key.AdKeyId!, key.DeviceId, key.AdCreatedAt, key.OrphanReason.Value, state.Now));
    }

    /// <summary>The value is gone: reported for keys someone was told about (an Entra key, or an orphan).</summary>
    public void LeftAd(TrackedKey key)
    {
        var reported = key.HasEntraSide || key.State == KeyState.Orphaned;
        var now = state.Now;
        Move(key, KeyState.Removed, KeyTrigger.ValueLeftAd);
        key.RemovedFromAdAt = now;
        if (reported)
        {
            Emit(new NgcKeyRemovedFromAd(EventIds.For("key-removed-from-ad", key.Id, now), key.ToReference(), now));
        }
    }

    // Enter and Move check the table before anything is written, so a refused move leaves the key as it was.
    private void Enter(TrackedKey key, KeyState to, KeyTrigger trigger)
    {
        Take(new KeyTransition(null, to, trigger));
        key.State = to;
    }

    private void Move(TrackedKey key, KeyState to, KeyTrigger trigger)
    {
        Take(new KeyTransition(key.State, to, trigger));
        key.State = to;
        state.Keys.Reclassify(key);
        state.Changes.Keys.Add(key);
    }

    private void Take(KeyTransition transition)
    {
        if (!Transitions.Contains(transition))
        {
            throw new InvalidOperationException(
                $"A key may not go from {transition.From?.ToString() ?? "(new)"} to {transition.To} on {transition.Trigger}: the lifecycle has no such transition.");
        }

        _taken.Add(transition);
    }

    private void Emit(object message) => state.Changes.Events.Add(message);
}
