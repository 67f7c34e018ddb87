using Microsoft.EntityFrameworkCore;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;

namespace Whfb.Policy.Consumers;

/// <summary>A rollout whose ring devices' telemetry counts; <see cref="Completed"/> when only the recording goes on.</summary>
public sealed record CountedRollout(Guid Id, bool Completed);

/// <summary>
/// The rollouts of a tenant whose Intune assignments are in place, so telemetry of their ring devices counts: the live
/// ones, and the completed ones (completing unassigns nothing) until a newer rollout of their Intune policy is started
/// (<see cref="Rollout.AssignmentsTakenOverBy"/>): it makes the assignments its own rings (or, aborted, none).
/// </summary>
public static class CountedRollouts
{
    public static Task<List<CountedRollout>> OfTenantAsync(PolicyDbContext db, Guid tenantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Rollout>().AsNoTracking()
            .Where(r => r.TenantId == tenantId
                && (RolloutStates.Live.Contains(r.State) || (r.State == RolloutState.Completed && r.AssignmentsTakenOverBy == null)))
            .Select(r => new CountedRollout(r.Id, r.State == RolloutState.Completed))
            .ToListAsync(ct);
    }
}
