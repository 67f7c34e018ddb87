using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;
using Whfb.Policy.Rollouts;

namespace Whfb.Policy.Gates;

/// <summary>
/// One pass of the gate loop over one running rollout: a passing gate (after the soak) advances, a failing one halts.
/// It holds the rollout's lock, so an operator action waits for it (and sees its outcome), and vice versa.
/// </summary>
public sealed class GateRunner(PolicyDbContext db, RolloutTransitions transitions, IOptions<PolicyOptions> options)
{
    public static Task<List<Guid>> RunningAsync(PolicyDbContext db, CancellationToken ct) =>
        db.Set<Rollout>().AsNoTracking().Where(r => r.State == RolloutState.Running).OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);

    /// <summary>What the pass did: "advanced", "halted" or "waiting".</summary>
    public async Task<string> EvaluateAsync(Guid rolloutId, CancellationToken ct)
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
}
