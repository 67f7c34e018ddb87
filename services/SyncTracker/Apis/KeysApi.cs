using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults.Security;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Infrastructure;

namespace Whfb.SyncTracker.Apis;

/// <summary>Key states of the caller's tenant (the tenant comes from the credential, never from the request).</summary>
public static class KeysApi
{
    /// <summary>Far beyond any tenant's keys, and small enough that (page − 1) × 500 never overflows the offset.</summary>
    private const int MaxPage = 1_000_000;

    public static WebApplication MapKeysApi(this WebApplication app)
    {
        var api = app.MapGroup("/v1").RequireAuthorization(WhfbRoles.OperatorPolicy).WithTags("Keys");

        api.MapGet("/keys", async (ClaimsPrincipal user, SyncTrackerDbContext db, string? state, int? page, int? pageSize, CancellationToken ct) =>
            {
                KeyState? wanted = null;
                if (!string.IsNullOrEmpty(state))
                {
                    if (StateNamed(state) is not { } named)
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"state must be one of {string.Join(", ", Enum.GetNames<KeyState>())}"] },
                            title: "Invalid query parameter 'state'");
                    }

                    wanted = named;
                }

                var size = Math.Clamp(pageSize ?? 50, 1, 500);
                if (page is < 1 or > MaxPage)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [$"page must be between 1 and {MaxPage}"] },
                        title: "Invalid query parameter 'page'");
                }

                var number = page ?? 1;
                var tenant = user.RequiredTenantId();
                var query = db.Set<TrackedKey>().AsNoTracking().Where(k => k.TenantId == tenant && (wanted == null || k.State == wanted));
                var total = await query.CountAsync(ct);
                var items = await query.OrderBy(k => k.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
                return Results.Ok(new KeyPage(number, size, total, [.. items.Select(KeyView.Of)]));
            })
            .WithSummary("Keys by state (AwaitingAd, Stuck, Synced, Recovered, Removed, Unmatched, Orphaned), paged");

        api.MapGet("/users/{id:guid}/keys", async (Guid id, ClaimsPrincipal user, SyncTrackerDbContext db, CancellationToken ct) =>
            {
                var tenant = user.RequiredTenantId();
                var keys = await db.Set<TrackedKey>().AsNoTracking()
                    .Where(k => k.TenantId == tenant && k.EntraUserId == id).OrderBy(k => k.CreatedInEntraAt).ToListAsync(ct);
                return keys.Select(KeyView.Of).ToList();
            })
            .WithSummary("Every key of one Entra user, with its state and latency");
        return app;
    }

    /// <summary>
    /// A state by its name only: the framework's enum binding also took numbers ("99") and comma lists, which matched
    /// no key and answered an empty page instead of saying the filter was wrong.
    /// </summary>
    private static KeyState? StateNamed(string text) =>
        Enum.GetValues<KeyState>().Where(s => s.ToString().Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)).Select(s => (KeyState?)s).FirstOrDefault();
}
