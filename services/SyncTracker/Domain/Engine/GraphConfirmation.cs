namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// For a tenant Graph lists (<see cref="TenantSyncState.ConfirmsWithGraph"/>): whether Graph was asked late enough to
/// conclude stuck or orphaned, so nothing is concluded from what the service has not looked at. Without Graph listings
/// every verdict is confirmed at once.
/// </summary>
internal sealed class GraphConfirmation(TenantSyncState state)
{
    /// <summary>When Graph's last complete listing of the user's keys was asked for; null when never.</summary>
    public DateTimeOffset? KeysListedAt(Guid userId) => state.Users.Entra(userId)?.KeysListedAt;

    /// <summary>A users delta round that began at <paramref name="since"/> completed: every Entra user of then is known.</summary>
    public void ObserveUsersListed(DateTimeOffset since)
    {
        if (state.Pipeline.UsersListedAt is { } known && known >= since)
        {
            return;
        }

        state.Pipeline.UsersListedAt = since;
        state.Changes.PipelineChanged = true;
    }

    /// <summary>Entra users whose unclaimed AD values wait for a listing of their keys before they can be called orphaned.</summary>
    public IReadOnlyCollection<Guid> UsersWithUnconfirmedAdValues() =>
        [.. state.Keys.Unmatched.Where(k => !NoEntraKeyConfirmed(k)).Select(OwnerOf).OfType<EntraUser>().Select(u => u.UserId).Distinct()];

    /// <summary>The key's user had its keys listed after the key waited a cycle (or the tenant is not listed by Graph).</summary>
    public bool StillListed(TrackedKey key) =>
        !state.ConfirmsWithGraph || state.EntraUserOf(key)?.KeysListedAt >= key.CreatedInEntraAt + state.Thresholds.Cycle;

    /// <summary>
    /// Graph was asked after the unclaimed value appeared: its owner's keys were listed since, or, for an AD user no Entra
    /// user anchors to, a users round that began since described every Entra user. A value whose key Graph itself no
    /// longer listed (EntraKeyDeleted, DeviceDeleted) was concluded from such a listing already.
    /// </summary>
    public bool NoEntraKeyConfirmed(TrackedKey key)
    {
        if (!state.ConfirmsWithGraph || key.OrphanReason is not null)
        {
            return true;
        }

        var since = key.UnmatchedSince!.Value;
        return OwnerOf(key) is { } owner ? owner.KeysListedAt >= since : state.Pipeline.UsersListedAt >= since;
    }

    /// <summary>The Entra user an AD-only value belongs to: the one it was seen with, or the one that anchors to its AD user now.</summary>
    private EntraUser? OwnerOf(TrackedKey adOnly) =>
        adOnly.EntraUserId is { } id ? state.Users.Entra(id)
        : adOnly.AdObjectGuid is { } objectGuid && state.Users.Ad(objectGuid) is { } adUser ? state.Users.EntraUserOf(adUser)
        : null;
}
