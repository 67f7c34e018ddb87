using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Whfb.Policy.Infrastructure;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Policy.Audit;

/// <summary>
/// A write to the rollouts API refused by authorization (401 without a credential, 403 without the admin role) is
/// audited with whoever the credential names, then answered as usual: the first of its kind in a window at once, its
/// repeats counted in <see cref="RefusedRequestTally"/>.
/// </summary>
public sealed class RefusedWriteAuditor(IServiceScopeFactory scopes, RefusedRequestTally tally, TimeProvider time) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var request = context.Request;
        if (!authorizeResult.Succeeded && !HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/v1/rollouts"))
        {
            var status = authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            var rolloutId = Guid.TryParse(context.GetRouteValue("id")?.ToString(), out var id) ? id : (Guid?)null;
            var refusal = new RefusedRequest(context.User.TenantId(), rolloutId, context.User.Actor(), $"{request.Method} {request.Path}", status);
            var now = time.GetUtcNow();
            if (tally.Add(refusal, now))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
                db.Record(refusal.TenantId, refusal.RolloutId, refusal.Actor, "refused", refusal.Detail, now);
                await db.SaveChangesAsync(context.RequestAborted);
            }
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
