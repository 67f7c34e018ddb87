using Microsoft.EntityFrameworkCore;
using Whfb.Policy.Infrastructure;

namespace Whfb.Policy.Rollouts;

/// <summary>
/// Serialises work on one rollout (API actions, the gate loop, on any instance) for the length of the caller's
/// transaction, so that Graph is never changed by two of them at once; the row version stays as the last guard.
/// </summary>
public static class RolloutLock
{
    /// <summary>Locks the rollout's row (when it exists); call inside a transaction, then load the rollout.</summary>
    public static Task LockRolloutAsync(this PolicyDbContext db, Guid rolloutId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM rollouts WHERE id = {rolloutId} FOR UPDATE", ct);

    /// <summary>Serialises the creation of rollouts of one name in a tenant (the name finds the Intune policy).</summary>
    public static Task LockNameAsync(this PolicyDbContext db, Guid tenantId, string name, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({tenantId.ToString() + "/" + name}, 0))", ct);
}
