using System.Security.Claims;
using Azure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Kiota.Abstractions;
using Whfb.Policy.Audit;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Intune;
using Whfb.Policy.Model;
using Whfb.Policy.Rollouts;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Policy.Apis;

/// <summary>
/// Loads a rollout of the caller's tenant (another tenant's is "not found"), runs an action on it, saves the change,
/// its events and its audit entry together, and answers with the status; conflicts and Graph failures become problems.
/// </summary>
public sealed class RolloutApiTransaction(PolicyDbContext db, IntuneConnection intune, TimeProvider time)
{
    /// <summary>The tenant whose Intune this instance manages (Graph:TenantId, checked when the host starts).</summary>
    public Guid ServedTenant => intune.TenantId;

    public static Task<Rollout?> FindAsync(PolicyDbContext db, Guid tenant, Guid id, CancellationToken ct) =>
        db.Set<Rollout>().Include(r => r.Rings.OrderBy(x => x.Index)).SingleOrDefaultAsync(r => r.Id == id && r.TenantId == tenant, ct);

    public Task<IResult> ActAsync(ClaimsPrincipal user, Guid id, Func<Rollout, Task> action, CancellationToken ct) =>
        ApplyAsync(user, id, async () =>
        {
            await db.LockRolloutAsync(id, ct);
            if (await FindAsync(db, user.RequiredTenantId(), id, ct) is not { } rollout)
            {
                return null;
            }

            await action(rollout);
            return rollout;
        }, created: false, ct);

    /// <summary>Runs the action in a transaction (it takes its locks first); null from the action means "no such rollout".</summary>
    public async Task<IResult> ApplyAsync(ClaimsPrincipal user, Guid? rolloutId, Func<Task<Rollout?>> action, bool created, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (await action() is not { } changed)
            {
                return ApiResults.NoSuchRollout();
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var status = await RolloutStatus.ReadAsync(db, changed, time, ct);
            return created ? Results.Created($"/v1/rollouts/{changed.Id}", status) : Results.Ok(status);
        }
        catch (RolloutConflictException e)
        {
            return await RejectedAsync(user, rolloutId, e.Message, ApiResults.Conflict(e.Message), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            const string detail = "The rollout changed while this action ran (another action or the gate loop); read its status and retry";
            return await RejectedAsync(user, rolloutId, detail, ApiResults.Conflict(detail), ct);
        }
        catch (GraphAccessDeniedException e)
        {
            return await RejectedAsync(user, rolloutId, $"Graph refused {e.Feature.Name}: needs {string.Join(" or ", e.Remedy)} ({e.Denial})",
                ApiResults.GraphAccessDenied(e), ct);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or AuthenticationFailedException)
        {
            return await RejectedAsync(user, rolloutId, $"Graph: {e.Message}", ApiResults.GraphFailed(e), ct);
        }
    }

    public async Task RefuseAsync(Guid? tenant, Guid? rolloutId, string actor, string detail, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.RollbackAsync(ct);
        }

        db.ChangeTracker.Clear();
        db.Record(tenant, rolloutId, actor, "refused", detail, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Nothing of the failed action is kept but an audit entry saying it was refused.</summary>
    private async Task<IResult> RejectedAsync(ClaimsPrincipal user, Guid? rolloutId, string detail, IResult answer, CancellationToken ct)
    {
        await RefuseAsync(user.RequiredTenantId(), rolloutId, user.Actor(), detail, ct);
        return answer;
    }
}
