using System.Security.Claims;
using Whfb.Ingest.Model;
using Whfb.Ingest.Security;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// <c>/v1/admin/collector-keys</c>: an admin of a tenant creates (the key is in the answer once, never again), lists
/// (no secrets) and revokes that tenant's collector keys. Every change is logged with its actor.
/// </summary>
public static partial class CollectorKeysApi
{
    public static RouteGroupBuilder MapCollectorKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/admin/collector-keys").RequireAuthorization(WhfbRoles.AdminPolicy);
        group.MapPost("/", CreateAsync).Produces<CreatedKey>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", ListAsync).Produces<List<KeySummary>>();
        group.MapDelete("/{id:guid}", RevokeAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> CreateAsync(CreateKeyRequest request, ClaimsPrincipal user, CollectorKeyStore store, ILoggerFactory logs, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
            return IngestResults.Invalid("name", "name must be 1 to 200 characters");

        var (key, secret) = await store.CreateAsync(user.RequiredTenantId(), name, user.Actor(), ct);
        LogCreated(logs.CreateLogger(typeof(CollectorKeysApi)), key.Id, key.TenantId, user.Actor());
        return Results.Created($"/v1/admin/collector-keys/{key.Id}", new CreatedKey(key.Id, key.Name, secret, key.KeyPrefix, key.CreatedAt));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, CollectorKeyStore store, CancellationToken ct) =>
        Results.Ok((await store.ListAsync(user.RequiredTenantId(), ct)).Select(KeySummary.From));

    private static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal user, CollectorKeyStore store, ILoggerFactory logs, CancellationToken ct)
    {
        if (!await store.RevokeAsync(user.RequiredTenantId(), id, user.Actor(), ct))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such collector key in your tenant");
        LogRevoked(logs.CreateLogger(typeof(CollectorKeysApi)), id, user.RequiredTenantId(), user.Actor());
        return Results.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector key {KeyId} created for tenant {TenantId} by {Actor}")]
    private static partial void LogCreated(ILogger logger, Guid keyId, Guid tenantId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector key {KeyId} of tenant {TenantId} revoked by {Actor}")]
    private static partial void LogRevoked(ILogger logger, Guid keyId, Guid tenantId, string actor);

    public sealed record CreateKeyRequest(string? Name);

    /// <param name="Key">The collector key itself: shown this once, store it in the collector's configuration.</param>
    public sealed record CreatedKey(Guid Id, string Name, string Key, string KeyPrefix, DateTimeOffset CreatedAt);

    public sealed record KeySummary(Guid Id, string Name, string KeyPrefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
    {
        public static KeySummary From(CollectorKey k) => new(k.Id, k.Name, k.KeyPrefix, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy);
    }
}
