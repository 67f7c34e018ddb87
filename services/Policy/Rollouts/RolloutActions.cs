using Microsoft.EntityFrameworkCore;
using Whfb.Contracts.Policy;
using Whfb.Policy.Audit;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Policy.Rollouts;

/// <summary>What an admin can do to a rollout; each action checks the state, changes it, emits its event and is audited.</summary>
public sealed class RolloutActions(PolicyDbContext db, RingAssigner assigner, RolloutTransitions transitions, IOutbox outbox, TimeProvider time)
{
    public async Task<Rollout> CreateAsync(RolloutPlanRequest plan, Guid tenantId, string actor, CancellationToken ct)
    {
        var name = plan.Name!.Trim();
        await db.LockNameAsync(tenantId, name, ct);
        // The Intune policy is found by name: two unfinished rollouts of one name would fight over its assignments.
        if (await db.Set<Rollout>().AnyAsync(r => r.TenantId == tenantId && r.Name == name && r.State != RolloutState.Aborted && r.State != RolloutState.Completed, ct))
        {
            throw new RolloutConflictException($"An unfinished rollout named '{name}' exists; finish or abort it, or pick another name");
        }

        var now = time.GetUtcNow();
        var rollout = RolloutPlanValidator.Draft(plan, tenantId, actor, now);
        db.Add(rollout);
        db.Record(tenantId, rollout.Id, actor, "create", $"{rollout.Rings.Count} rings, {rollout.Mode}", now);
        return rollout;
    }

    public async Task StartAsync(Rollout rollout, string actor, CancellationToken ct)
    {
        Require(rollout, "start", RolloutState.Draft);
        await assigner.EnsurePolicyAsync(rollout, actor, ct);
        await assigner.AssignAsync(rollout, 0, actor, ct);
        var now = time.GetUtcNow();
        rollout.State = RolloutState.Running;
        rollout.UpdatedAt = now;
        outbox.Enqueue(new RolloutStarted(Guid.CreateVersion7(now), rollout.Reference(), rollout.Rings.Count, actor, now));
        db.Record(rollout.TenantId, rollout.Id, actor, "start", $"Intune policy {rollout.IntunePolicyId}", now);
        await TakeOverAssignmentsAsync(rollout, actor, now, ct);
    }

    /// <summary>Without a justification only a passed gate advances; with one the gate is overridden (recorded).</summary>
    public async Task AdvanceAsync(Rollout rollout, string actor, string? justification, CancellationToken ct)
    {
        Require(rollout, "advance", RolloutState.Running, RolloutState.Halted, RolloutState.Paused);
        var check = await transitions.CheckAsync(rollout, ct);
        if (!check.Passed && justification is null)
        {
            throw new RolloutConflictException(
                $"Ring {rollout.CurrentRing}'s gate has not passed ({string.Join("; ", check.Verdict.Reasons)}); give a justification to override it");
        }

        await transitions.AdvanceAsync(rollout, check.Verdict, actor, check.Passed ? null : justification, ct);
    }

    public Task PauseAsync(Rollout rollout, string actor)
    {
        Require(rollout, "pause", RolloutState.Running);
        Change(rollout, RolloutState.Paused, actor, "pause", null);
        return Task.CompletedTask;
    }

    public Task ResumeAsync(Rollout rollout, string actor)
    {
        Require(rollout, "resume", RolloutState.Paused, RolloutState.Halted);
        var now = Change(rollout, RolloutState.Running, actor, "resume", rollout.HaltReason is null ? null : $"was halted: {rollout.HaltReason}");
        rollout.HaltReason = null;
        outbox.Enqueue(new RolloutResumed(Guid.CreateVersion7(now), rollout.Reference(), actor, now));
        return Task.CompletedTask;
    }

    /// <summary>Removes the policy's assignments from every group, then stops for good.</summary>
    public async Task AbortAsync(Rollout rollout, string actor, string reason, CancellationToken ct)
    {
        Require(rollout, "abort", RolloutState.Draft, RolloutState.Running, RolloutState.Paused, RolloutState.Halted);
        await assigner.RemoveAssignmentsAsync(rollout, actor, ct);
        var now = Change(rollout, RolloutState.Aborted, actor, "abort", reason);
        outbox.Enqueue(new RolloutAborted(Guid.CreateVersion7(now), rollout.Reference(), actor, reason, now));
    }

    /// <summary>
    /// A completed rollout of the same Intune policy (same name and mode) kept its assignments; this start made them this
    /// rollout's first ring, so the telemetry of the completed rollout's devices stops counting there. Its state stays.
    /// </summary>
    private async Task TakeOverAssignmentsAsync(Rollout rollout, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var completed = await db.Set<Rollout>().Where(r => r.TenantId == rollout.TenantId && r.Id != rollout.Id
            && r.IntunePolicyId == rollout.IntunePolicyId && r.State == RolloutState.Completed && r.AssignmentsTakenOverBy == null).ToListAsync(ct);
        foreach (var previous in completed)
        {
            previous.AssignmentsTakenOverBy = rollout.Id;
            db.Record(previous.TenantId, previous.Id, actor, "assignments taken over",
                $"rollout {rollout.Id} ({rollout.Name}) assigned the Intune policy to its own rings; this rollout's telemetry stops counting", now);
        }
    }

    private DateTimeOffset Change(Rollout rollout, RolloutState state, string actor, string action, string? detail)
    {
        var now = time.GetUtcNow();
        rollout.State = state;
        rollout.UpdatedAt = now;
        db.Record(rollout.TenantId, rollout.Id, actor, action, detail, now);
        return now;
    }

    private static void Require(Rollout rollout, string action, params RolloutState[] allowed)
    {
        if (!allowed.Contains(rollout.State))
        {
            throw new RolloutConflictException(
                $"Cannot {action} a {rollout.State.ToString().ToLowerInvariant()} rollout (only {string.Join(" or ", allowed.Select(s => s.ToString().ToLowerInvariant()))})");
        }
    }
}
