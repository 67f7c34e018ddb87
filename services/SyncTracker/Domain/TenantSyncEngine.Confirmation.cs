namespace Whfb.SyncTracker.Domain;

public sealed partial class TenantSyncEngine
{
    /// <summary>
    /// The tenant's keys are listed by Graph (the inventory is on for it). Then nothing is concluded from what the service
    /// has not looked at: a waiting key is called stuck only once a listing asked after it waited one cycle still showed
    /// it, and an AD value no Entra key claims is called orphaned only once Graph was asked after the value appeared. When
    /// listings are late (a small throttling budget, a missing permission) the verdict waits instead of guessing.
    /// </summary>
    public bool ConfirmsWithGraph { get; init; }

    /// <summary>When Graph's last complete listing of the user's keys was asked for; null when never.</summary>
    public DateTimeOffset? KeysListedAt(Guid userId) => _users.Entra(userId)?.KeysListedAt;

    /// <summary>A users delta round that began at <paramref name="since"/> completed: every Entra user of then is known.</summary>
    public void ObserveUsersListed(DateTimeOffset since)
    {
        if (_pipeline.UsersListedAt is { } known && known >= since)
        {
            return;
        }

        _pipeline.UsersListedAt = since;
        _changes.PipelineChanged = true;
    }

    /// <summary>Entra users whose unclaimed AD values wait for a listing of their keys before they can be called orphaned.</summary>
    public IReadOnlyCollection<Guid> UsersWithUnconfirmedAdValues() =>
        [.. _keys.Unmatched.Where(k => !NoEntraKeyConfirmed(k)).Select(OwnerOf).OfType<EntraUser>().Select(u => u.UserId).Distinct()];

    /// <summary>The key's user had its keys listed after the key waited a cycle (or the tenant is not listed by Graph).</summary>
    private bool StillListed(TrackedKey key) =>
        !ConfirmsWithGraph || EntraUserOf(key)?.KeysListedAt >= key.CreatedInEntraAt + Thresholds.Cycle;

    /// <summary>
    /// Graph was asked after the unclaimed value appeared: its owner's keys were listed since, or, for an AD user no Entra
    /// user anchors to, a users round that began since described every Entra user. A value whose key Graph itself no
    /// longer listed (EntraKeyDeleted, DeviceDeleted) was concluded from such a listing already.
    /// </summary>
    private bool NoEntraKeyConfirmed(TrackedKey key)
    {
        if (!ConfirmsWithGraph || key.OrphanReason is not null)
        {
            return true;
        }

        var since = key.UnmatchedSince!.Value;
        return OwnerOf(key) is { } owner ? owner.KeysListedAt >= since : _pipeline.UsersListedAt >= since;
    }

    /// <summary>The Entra user an AD-only value belongs to: the one it was seen with, or the one that anchors to its AD user now.</summary>
    private EntraUser? OwnerOf(TrackedKey adOnly) =>
        adOnly.EntraUserId is { } id ? _users.Entra(id)
        : adOnly.AdObjectGuid is { } objectGuid && _users.Ad(objectGuid) is { } adUser ? _users.EntraUserOf(adUser)
        : null;
}
