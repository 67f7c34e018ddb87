namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
{
    /// <summary>
    /// Graph listed every WHfB key the user has (a complete answer, not a diff): each listed key is observed (new, or
    /// merged into the key a device event announced), and keys of the user that Graph no longer lists end as deleted in
    /// Entra, unless they were created after <paramref name="cutoff"/>: the time the listing was asked for minus the
    /// listing lag (Graph may not list a new key yet, and an answer observed late shows the keys as of its request).
    /// <paramref name="listedAt"/> (when the listing was asked for; now when not given) dates what Graph confirmed.
    /// </summary>
    public void ObserveEntraKeyInventory(Guid userId, IReadOnlyList<EntraKeyObservation> listed, DateTimeOffset cutoff, DateTimeOffset? listedAt = null)
    {
        var user = EnsureEntraUser(userId, null);
        user.KeysListedAt = listedAt ?? Now;
        _changes.EntraUsers.Add(user);
        var seen = new HashSet<TrackedKey>();
        foreach (var observation in listed)
        {
            seen.Add(ObserveEntraKey(observation));
        }

        foreach (var gone in _keys.OfEntraUser(userId)
                     .Where(k => k.HasEntraSide && k.EntraRemovedAt is null && !seen.Contains(k) && k.CreatedInEntraAt <= cutoff)
                     .ToArray())
        {
            EndEntraSide(gone, deviceDeleted: false);
        }
    }

    /// <summary>Every Entra user Graph described (users delta): whom a full inventory lists when the registration report is refused.</summary>
    public IReadOnlyCollection<Guid> UsersDescribedByGraph() => [.. _users.EntraUsers.Where(u => u.DescribedByGraph).Select(u => u.UserId)];

    /// <summary>Entra users with a key waiting for AD: Graph re-checks them more often than settled ones.</summary>
    public IReadOnlyCollection<Guid> UsersWithPendingKeys() =>
        [.. _keys.Waiting.Select(k => k.EntraUserId).OfType<Guid>().Distinct()];

    /// <summary>Entra users holding a live key learned from Entra (a full inventory lists them even if the report no longer does).</summary>
    public IReadOnlyCollection<Guid> UsersWithEntraKeys() =>
        [.. _keys.All.Where(k => k.HasEntraSide && k.EntraRemovedAt is null).Select(k => k.EntraUserId).OfType<Guid>().Distinct()];
}
