using Whfb.Contracts.Policy;
using Whfb.Policy.Audit;
using Whfb.Policy.Gates;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Policy.Rollouts;

/// <summary>Leaving a ring (its gate passed, or an operator overrode it) and halting; shared by the API and the gate loop.</summary>
public sealed class RolloutTransitions(PolicyDbContext db, RingAssigner assigner, IOutbox outbox, TimeProvider time)
{
    /// <summary>Marks the current ring passed (or overridden), then targets the next ring or completes the rollout.</summary>
    public async Task AdvanceAsync(Rollout rollout, GateVerdict verdict, string actor, string? justification, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (rollout.State is RolloutState.Halted or RolloutState.Paused)
        {
            outbox.Enqueue(new RolloutResumed(Guid.CreateVersion7(now), rollout.Reference(), actor, now));
        }

        var ring = rollout.Current;
        ring.State = justification is null ? RingState.Passed : RingState.Overridden;
        ring.FinalVerdict = verdict;
        ring.OverrideJustification = justification;
        ring.OverriddenBy = justification is null ? null : actor;
        outbox.Enqueue(new RingAdvanced(Guid.CreateVersion7(now), rollout.Reference(ring.Index), verdict, justification, actor, now));
        rollout.HaltReason = null;
        if (ring.Index == rollout.Rings.Count - 1)
        {
            rollout.State = RolloutState.Completed;
            outbox.Enqueue(new RolloutCompleted(Guid.CreateVersion7(now), rollout.Reference(), now));
        }
        else
        {
            await assigner.AssignAsync(rollout, ring.Index + 1, actor, ct);
            rollout.State = RolloutState.Running;
        }

        rollout.UpdatedAt = now;
        var action = justification is null ? "advance" : "override";
        db.Record(rollout.TenantId, rollout.Id, actor, action, justification ?? $"ring {ring.Index} ({ring.Name}) passed its gate", now);
    }

    /// <summary>Stops a running rollout on its current ring's failing gate: one RolloutHalted per halt.</summary>
    public void Halt(Rollout rollout, GateCheck check, string actor) => Halt(rollout, check.Verdict, check.HaltReason, actor);

    /// <summary>Stops a running rollout for <paramref name="reason"/>, with the current ring's verdict: one RolloutHalted per halt.</summary>
    public void Halt(Rollout rollout, GateVerdict verdict, string reason, string actor)
    {
        var now = time.GetUtcNow();
        rollout.State = RolloutState.Halted;
        rollout.HaltReason = reason;
        rollout.UpdatedAt = now;
        outbox.Enqueue(new RolloutHalted(Guid.CreateVersion7(now), rollout.Reference(rollout.CurrentRing), verdict, reason, now));
        db.Record(rollout.TenantId, rollout.Id, actor, "halt", reason, now);
    }

    /// <summary>The current ring's gate now.</summary>
    public async Task<GateCheck> CheckAsync(Rollout rollout, CancellationToken ct)
    {
        var counters = await RingCounters.OfRolloutAsync(db, rollout.Id, ct);
        var ring = rollout.Current;
        var soaked = ring.AssignedAt is { } at ? time.GetUtcNow() - at : TimeSpan.Zero;
        return GateCheck.Evaluate(ring.Gate, counters.GetValueOrDefault(ring.Index, RingCounters.None), soaked);
    }
}
