using Microsoft.EntityFrameworkCore;
using Whfb.Contracts.Policy;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Intune;
using Whfb.Policy.Model;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Policy.Rollouts;

/// <summary>
/// Targets a ring: the Intune policy is assigned to that ring's group and every earlier one (assignments accumulate),
/// the ring's members are resolved from Graph into outcome rows, and RingAssigned lists the devices it newly targets.
/// </summary>
public sealed class RingAssigner(PolicyDbContext db, IIntunePolicyClient intune, IRingMembership membership, IOutbox outbox, TimeProvider time)
{
    /// <summary>Creates the policy or repairs its drift (idempotent; found by the rollout's name).</summary>
    public async Task EnsurePolicyAsync(Rollout rollout, string actor, CancellationToken ct)
    {
        var ensured = await intune.EnsureAsync(rollout.Spec(), Caller(rollout, actor), ct);
        rollout.IntunePolicyId = ensured.Policy.PolicyId;
    }

    public async Task AssignAsync(Rollout rollout, int index, string actor, CancellationToken ct)
    {
        var caller = Caller(rollout, actor);
        var ring = rollout.Rings.Single(r => r.Index == index);
        var groups = rollout.Rings.Where(r => r.Index <= index).OrderBy(r => r.Index).Select(r => r.GroupId).ToList();
        // Membership first: a group Graph does not know fails the action before Intune changes.
        var members = await membership.ResolveAsync(ring.GroupId, caller, ct);
        await intune.AssignAsync(rollout.Policy(), groups, caller, ct);

        var now = time.GetUtcNow();
        ring.State = RingState.Assigned;
        ring.AssignedAt = now;
        ring.MemberUserIds = [.. members.UserIds.Select(u => u.ToLowerInvariant()).Distinct()];
        ring.MemberUpns = [.. members.UserPrincipalNames.Select(u => u.ToLowerInvariant()).Distinct()];
        rollout.CurrentRing = index;

        var wanted = members.DeviceIds.Distinct().ToList();
        var known = await db.Set<DeviceOutcome>().Where(d => d.RolloutId == rollout.Id && wanted.Contains(d.DeviceId))
            .Select(d => d.DeviceId).ToListAsync(ct);
        var added = wanted.Except(known).ToList();
        db.AddRange(added.Select(device => new DeviceOutcome
        {
            RolloutId = rollout.Id,
            DeviceId = device,
            TenantId = rollout.TenantId,
            RingIndex = index,
            UpdatedAt = now,
        }));
        outbox.Enqueue(new RingAssigned(Guid.CreateVersion7(now), rollout.Reference(index), rollout.IntunePolicyId!, added, actor, now));
    }

    public Task RemoveAssignmentsAsync(Rollout rollout, string actor, CancellationToken ct) =>
        rollout.IntunePolicyId is null ? Task.CompletedTask : intune.RemoveAssignmentsAsync(rollout.Policy(), Caller(rollout, actor), ct);

    private static GraphCaller Caller(Rollout rollout, string actor) => new(rollout.TenantId, actor, rollout.Id);
}
