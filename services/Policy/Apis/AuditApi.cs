using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Whfb.Policy.Audit;
using Whfb.Policy.Infrastructure;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Policy.Apis;

/// <summary>A rollout's audit trail: every action (with who did it, and refused attempts) and every Graph call it made.</summary>
public static class AuditApi
{
    public static WebApplication MapAuditApi(this WebApplication app)
    {
        app.MapGet("/v1/rollouts/{id:guid}/audit", async (Guid id, ClaimsPrincipal user, PolicyDbContext db, CancellationToken ct) =>
            {
                var tenant = user.RequiredTenantId();
                if (await RolloutApiTransaction.FindAsync(db, tenant, id, ct) is null)
                {
                    return ApiResults.NoSuchRollout();
                }

                var entries = await db.Set<AuditEntry>().AsNoTracking()
                    .Where(a => a.TenantId == tenant && a.RolloutId == id).OrderBy(a => a.Id).ToListAsync(ct);
                return Results.Ok(entries.Select(AuditView.Of));
            })
            .RequireAuthorization(WhfbRoles.OperatorPolicy).WithTags("Rollouts")
            .WithSummary("Actions and Graph calls of a rollout, oldest first: who, when, what was sent and what came back");
        return app;
    }
}

public sealed record AuditView(
    DateTimeOffset At, string Actor, string Kind, string Action, string? Detail, string? RequestBody, int? StatusCode, string? ResponseBody, double? DurationMs)
{
    public static AuditView Of(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.At, e.Actor, e.Kind, e.Action, e.Detail, e.RequestBody, e.StatusCode, e.ResponseBody, e.DurationMs);
    }
}
