namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>What Graph should be asked next for this tenant: whose keys to list, and which listed keys need their device.</summary>
internal sealed class GraphListingPlan(TenantSyncState state)
{
    /// <summary>Every Entra user Graph described (users delta): whom a full inventory lists when the registration report is refused.</summary>
    public IReadOnlyCollection<Guid> UsersDescribedByGraph() => [.. state.Users.EntraUsers.Where(u => u.DescribedByGraph).Select(u => u.UserId)];

    /// <summary>Entra users with a key waiting for AD: Graph re-checks them more often than settled ones.</summary>
    public IReadOnlyCollection<Guid> UsersWithPendingKeys() =>
        [.. state.Keys.Waiting.Select(k => k.EntraUserId).OfType<Guid>().Distinct()];

    /// <summary>Entra users holding a live key learned from Entra (a full inventory lists them even if the report no longer does).</summary>
    public IReadOnlyCollection<Guid> UsersWithEntraKeys() =>
        [.. state.Keys.All.Where(k => k.HasEntraSide && k.EntraRemovedAt is null).Select(k => k.EntraUserId).OfType<Guid>().Distinct()];

    /// <summary>
    /// Graph lists a user's keys without their devices (only a single GET with $expand=device gives one). The Graph ids
    /// of the listed keys whose device is worth that request: those the engine knows no device of (new, or learned
    /// without one) and has not looked up yet, and that
    /// - could be mistaken, within 2 × CreationTolerance of their creation time (two keys that far apart can both fit one
    ///   value or event), for another listed key whose device is unknown too, or for two or more unresolved records:
    ///   Entra keys without a Graph id (device events) and AD values no Entra key claims. A single one is the key's own
    ///   counterpart (its device event, or its value seen in AD first) and is merged or paired by creation time, as for a
    ///   user with one key, so such users cost no lookup; or
    /// - have waited for AD longer than one sync cycle (<see cref="TenantSyncState.WaitedPastCycle"/>): such a key may go
    ///   stuck, and its stuck event should say which device it is on.
    /// A key whose device is known, or that was looked up once (Graph answered with or without a device), is never asked again.
    /// </summary>
    public IReadOnlyList<string> KeysNeedingDevice(Guid userId, IReadOnlyList<EntraKeyObservation> listed)
    {
        var tracked = state.Keys.OfEntraUser(userId);
        TrackedKey? Known(EntraKeyObservation o) => tracked.FirstOrDefault(k => k.EntraKeyId == o.EntraKeyId);
        var unknown = listed.Where(o => o.EntraKeyId is not null && o.DeviceId is null && Known(o)?.DeviceId is null).ToList();
        var asked = unknown.Where(o => Known(o) is not { DeviceLookedUp: true }).ToList();
        if (asked.Count == 0)
        {
            return [];
        }

        var window = state.Thresholds.CreationTolerance * 2;
        var unresolved = UnresolvedTimes(userId, tracked);
        bool Near(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() <= window;
        return [.. asked
            .Where(o => state.WaitedPastCycle(Known(o))
                || unknown.Any(other => other != o && Near(other.CreatedAt, o.CreatedAt))
                || unresolved.Count(t => Near(t, o.CreatedAt)) >= 2)
            .Select(o => o.EntraKeyId!)];
    }

    /// <summary>Creation times of the user's device-event keys not yet tied to a Graph id and of its unclaimed AD values.</summary>
    private List<DateTimeOffset> UnresolvedTimes(Guid userId, IReadOnlyList<TrackedKey> tracked)
    {
        var adUser = state.Users.Entra(userId) is { } user ? state.Users.AdUserOf(user) : null;
        var adOnly = adUser is null ? tracked : tracked.Concat(state.Keys.OfAdUser(adUser.ObjectGuid));
        return
        [
            .. tracked.Where(k => k.HasEntraSide && k.EntraKeyId is null && k.EntraRemovedAt is null).Select(k => k.CreatedInEntraAt!.Value),
            .. adOnly.Where(k => k.State.IsAdOnly()).Distinct().Select(k => k.AdCreatedAt).OfType<DateTimeOffset>(),
        ];
    }
}
