using Whfb.Ingest.Security;

namespace Whfb.Ingest.Apis;

public static class CollectorApis
{
    /// <summary>
    /// What collectors post, behind a collector key, its rate limit and the tenant keys' migration window
    /// (<see cref="TenantKeyWindow"/>); each answers 202 once the broker confirmed.
    /// </summary>
    public static WebApplication MapCollectorApis(this WebApplication app)
    {
        var collectors = app.MapGroup("").RequireAuthorization(CollectorAuth.Policy).RequireRateLimiting(CollectorRateLimiting.Policy)
            .AddEndpointFilter<TenantKeyWindow>();
        collectors.MapReport("/v1/events", EventsApi.AcceptAsync, "application/json", "application/x-ndjson", "application/xml", "text/xml");
        collectors.MapReport("/v1/dsregcmd", DsregcmdApi.AcceptAsync, "text/plain");
        collectors.MapReport("/v1/policy-state", PolicyStateApi.AcceptAsync, "application/json");
        return app;
    }

    private static RouteHandlerBuilder MapReport(this RouteGroupBuilder group, string pattern, Delegate handler, string contentType, params string[] more) =>
        group.MapPost(pattern, handler)
            .Accepts<object>(contentType, more)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
