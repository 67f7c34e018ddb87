using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;
using Whfb.Policy.Rollouts;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Policy.Apis;

/// <summary>Rollout plans of the caller's tenant: reads for operators, every write for admins (audited with who did it).</summary>
public static class RolloutsApi
{
    public static WebApplication MapRolloutsApi(this WebApplication app)
    {
        var reads = app.MapGroup("/v1/rollouts").RequireAuthorization(WhfbRoles.OperatorPolicy).WithTags("Rollouts");
        var writes = app.MapGroup("/v1/rollouts").RequireAuthorization(WhfbRoles.AdminPolicy).WithTags("Rollouts");

        reads.MapGet("/", async (ClaimsPrincipal user, PolicyDbContext db, CancellationToken ct) =>
            {
                var tenant = user.RequiredTenantId();
                var rollouts = await db.Set<Rollout>().AsNoTracking().Include(r => r.Rings)
                    .Where(r => r.TenantId == tenant).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
                return rollouts.Select(RolloutSummary.Of);
            })
            .WithSummary("Rollouts of your tenant, newest first");

        reads.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, PolicyDbContext db, TimeProvider time, CancellationToken ct) =>
                await RolloutApiTransaction.FindAsync(db, user.RequiredTenantId(), id, ct) is { } rollout
                    ? Results.Ok(await RolloutStatus.ReadAsync(db, rollout, time, ct))
                    : ApiResults.NoSuchRollout())
            .WithSummary("Status: state, each ring's counters and gate verdict, GPO conflicts, halt reason");

        writes.MapPost("/", async (HttpContext http, ClaimsPrincipal user, RolloutActions actions, RolloutApiTransaction transaction, CancellationToken ct) =>
            {
                var (plan, problem) = await JsonBody.ReadAsync<RolloutPlanRequest>(http);
                if ((problem ?? RolloutPlanValidator.Problem(plan!)) is { } invalid)
                {
                    return ApiResults.Invalid(invalid);
                }

                var tenant = user.RequiredTenantId();
                if (transaction.ServedTenant != tenant)
                {
                    await transaction.RefuseAsync(tenant, null, user.Actor(), "create: the instance serves another tenant", ct);
                    return ApiResults.OtherTenant();
                }

                return await transaction.ApplyAsync(user, null, async () => await actions.CreateAsync(plan!, tenant, user.Actor(), ct), created: true, ct);
            })
            .WithSummary("Create a draft rollout: name, mode (settingsCatalog | customOmaUri), settings, rings with gates")
            .ProducesValidationProblem();

        writes.MapPost("/{id:guid}/start", (Guid id, ClaimsPrincipal user, RolloutActions actions, RolloutApiTransaction transaction, CancellationToken ct) =>
                transaction.ActAsync(user, id, r => actions.StartAsync(r, user.Actor(), ct), ct))
            .WithSummary("Create or repair the Intune policy and assign it to the first ring");

        writes.MapPost("/{id:guid}/advance", async (Guid id, HttpContext http, ClaimsPrincipal user, RolloutActions actions, RolloutApiTransaction transaction, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<AdvanceRequest>(http, optional: true);
                if ((problem ?? (body?.Justification is { } j ? Said("justification", j, "Say why the gate is overridden, or leave it out") : null)) is { } invalid)
                {
                    return ApiResults.Invalid(invalid);
                }

                return await transaction.ActAsync(user, id, r => actions.AdvanceAsync(r, user.Actor(), body?.Justification?.Trim(), ct), ct);
            })
            .WithSummary("Advance to the next ring when the gate passed; with a justification, override the gate (recorded)");

        writes.MapPost("/{id:guid}/pause", (Guid id, ClaimsPrincipal user, RolloutActions actions, RolloutApiTransaction transaction, CancellationToken ct) =>
                transaction.ActAsync(user, id, r => actions.PauseAsync(r, user.Actor()), ct))
            .WithSummary("Stop automatic advancing");

        writes.MapPost("/{id:guid}/resume", (Guid id, ClaimsPrincipal user, RolloutActions actions, RolloutApiTransaction transaction, CancellationToken ct) =>
                transaction.ActAsync(user, id, r => actions.ResumeAsync(r, user.Actor()), ct))
            .WithSummary("Resume a paused or halted rollout (the gate is evaluated again at the next tick)");

        writes.MapPost("/{id:guid}/abort", async (Guid id, HttpContext http, ClaimsPrincipal user, RolloutActions actions, RolloutApiTransaction transaction, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<AbortRequest>(http);
                if ((problem ?? Said("reason", body?.Reason, "Required: why the rollout is aborted")) is { } invalid)
                {
                    return ApiResults.Invalid(invalid);
                }

                return await transaction.ActAsync(user, id, r => actions.AbortAsync(r, user.Actor(), body!.Reason!.Trim(), ct), ct);
            })
            .WithSummary("Remove the policy's assignments from every ring and stop for good");
        return app;
    }

    /// <summary>
    /// A justification or reason goes into the audit trail: a NUL in it answered 500 there, and an unbounded one was
    /// kept whole; checked before the rollout's state, so a refused action's audit entry never holds it either.
    /// </summary>
    private static FieldProblem? Said(string field, string? text, string missing) =>
        RolloutPlanValidator.TextProblem(field, text, MaxTextLength) is { } p ? p with { Message = p.Message == "Required" ? missing : p.Message } : null;

    private const int MaxTextLength = 2000;
}
