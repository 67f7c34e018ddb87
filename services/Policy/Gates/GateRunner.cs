using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Intune;
using Whfb.Policy.Model;
using Whfb.Policy.Rollouts;

namespace Whfb.Policy.Gates;

/// <summary>
/// One pass of the gate loop over one running rollout: a passing gate (after the soak) advances, a failing one halts.
/// It holds the rollout's lock, so an operator action waits for it (and sees its outcome), and vice versa. When Graph
/// refuses what advancing needs (a permission or licence), retrying every tick would change nothing and nobody would
/// hear of it: the rollout halts with the reason instead, and an operator resumes it once the permission is granted.
/// </summary>
public sealed class GateRunner(PolicyDbContext db, RolloutTransitions transitions, IOptions<PolicyOptions> options)
{
    public static Task<List<Guid>> RunningAsync(PolicyDbContext db, CancellationToken ct) =>
        db.Set<Rollout>().AsNoTracking().Where(r => r.State == RolloutState.Running).OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);

    /// <summary>What the pass did: "advanced", "halted" or "waiting".</summary>
    public async Task<string> EvaluateAsync(Guid rolloutId, CancellationToken ct)
    {
        try
        {
            return await EvaluateOnceAsync(rolloutId, ct);
        }
        catch (GraphAccessDeniedException e)
        {
            await HaltForAccessAsync(rolloutId, e, ct);
            return "halted";
        }
    }

    private async Task<string> EvaluateOnceAsync(Guid rolloutId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockRolloutAsync(rolloutId, ct);
        var rollout = await db.Set<Rollout>().Include(r => r.Rings).SingleAsync(r => r.Id == rolloutId, ct);
        if (rollout.State != RolloutState.Running)
        {
            return "waiting";
        }

        var check = await transitions.CheckAsync(rollout, ct);
        string outcome;
        if (check.Passed)
        {
            await transitions.AdvanceAsync(rollout, check.Verdict, options.Value.GateActor, null, ct);
            outcome = "advanced";
        }
        else if (check.Halts)
        {
            transitions.Halt(rollout, check, options.Value.GateActor);
            outcome = "halted";
        }
        else
        {
            return "waiting";
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }

    /// <summary>Halts in a transaction of its own: the failed advance's changes were rolled back with its transaction.</summary>
    private async Task HaltForAccessAsync(Guid rolloutId, GraphAccessDeniedException denied, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockRolloutAsync(rolloutId, ct);
        var rollout = await db.Set<Rollout>().Include(r => r.Rings).SingleAsync(r => r.Id == rolloutId, ct);
        if (rollout.State != RolloutState.Running)
        {
            return;
        }

        var check = await transitions.CheckAsync(rollout, ct);
        var reason = $"Microsoft Graph refused {denied.Feature.Name} ({denied.Feature.Purpose}) when the next ring was to be assigned: "
            + $"grant the Policy app {string.Join(" or ", denied.Remedy)}, then resume the rollout (Graph said {denied.Denial.Code})";
        transitions.Halt(rollout, check.Verdict, reason, options.Value.GateActor);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
