using Microsoft.EntityFrameworkCore;
using Whfb.Contracts.Devices;
using Whfb.Contracts.Policy;
using Whfb.Policy.Gates;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Intune;
using Whfb.Policy.Model;

namespace Whfb.Policy.Apis;

/// <summary>
/// A rollout as GET /v1/rollouts/{id} shows it: each ring's counters and gate verdict, the open GPO conflicts. Counters
/// and conflicts are current, also after completion while the assignments stay in place (<see cref="AssignmentsTakenOverBy"/>
/// null); a ring that was left keeps the verdict it was left with.
/// </summary>
public sealed record RolloutStatus(
    Guid Id, string Name, IntunePolicyMode Mode, WhfbSettings Settings, RolloutState State, int CurrentRing, string? IntunePolicyId,
    IReadOnlyList<RingStatus> Rings, IReadOnlyList<GpoConflictView> GpoConflicts, string? HaltReason, Guid? AssignmentsTakenOverBy,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static async Task<RolloutStatus> ReadAsync(PolicyDbContext db, Rollout rollout, TimeProvider time, CancellationToken ct)
    {
        var counters = await RingCounters.OfRolloutAsync(db, rollout.Id, ct);
        var conflicts = await db.Set<DeviceOutcome>().AsNoTracking()
            .Where(d => d.RolloutId == rollout.Id && d.GpoValues != null).OrderBy(d => d.RingIndex).ThenBy(d => d.DeviceId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var rings = rollout.Rings.OrderBy(r => r.Index).Select(r =>
        {
            var c = counters.GetValueOrDefault(r.Index, RingCounters.None);
            var verdict = r.FinalVerdict
                ?? (r.AssignedAt is { } at && r.Index == rollout.CurrentRing ? GateCheck.Evaluate(r.Gate, c, now - at).Verdict : null);
            return new RingStatus(r.Index, r.Name, r.GroupId, r.State, r.Gate, r.AssignedAt, c.Devices, c.PrerequisitesPassed, c.Provisioned,
                c.Failed, c.Synced, c.Stuck, verdict, r.OverrideJustification, r.OverriddenBy);
        }).ToList();
        return new RolloutStatus(rollout.Id, rollout.Name, rollout.Mode, rollout.Spec().Settings, rollout.State, rollout.CurrentRing,
            rollout.IntunePolicyId, rings, [.. conflicts.Select(d => new GpoConflictView(d.DeviceId, d.DeviceName, d.RingIndex, d.GpoValues!))],
            rollout.HaltReason, rollout.AssignmentsTakenOverBy, rollout.CreatedBy, rollout.CreatedAt, rollout.UpdatedAt);
    }
}

public sealed record RingStatus(
    int Index, string Name, Guid GroupId, RingState State, RingGate Gate, DateTimeOffset? AssignedAt, int Devices, int PrerequisitesPassed,
    int Provisioned, int Failed, int Synced, int Stuck, GateVerdict? Verdict, string? OverrideJustification, string? OverriddenBy);

public sealed record GpoConflictView(Guid DeviceId, string? DeviceName, int RingIndex, IReadOnlyList<PolicySettingValue> Values);

/// <summary>One row of GET /v1/rollouts: the rollout and its rings, without counters.</summary>
public sealed record RolloutSummary(Guid Id, string Name, IntunePolicyMode Mode, RolloutState State, int CurrentRing, string? IntunePolicyId,
    IReadOnlyList<RingSummary> Rings, string? HaltReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RolloutSummary Of(Rollout r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Name, r.Mode, r.State, r.CurrentRing, r.IntunePolicyId,
            [.. r.Rings.OrderBy(x => x.Index).Select(x => new RingSummary(x.Index, x.Name, x.GroupId, x.State, x.AssignedAt))], r.HaltReason, r.CreatedAt, r.UpdatedAt);
    }
}

public sealed record RingSummary(int Index, string Name, Guid GroupId, RingState State, DateTimeOffset? AssignedAt);
