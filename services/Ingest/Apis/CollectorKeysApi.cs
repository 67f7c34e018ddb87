using System.Security.Claims;
using Whfb.Ingest.Model;
using Whfb.Ingest.Security;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// <c>/v1/admin/collector-keys</c>: an admin of a tenant creates enrollment or import keys (the key is in the answer
/// once, never again), lists every key with its last use (no secrets; <see cref="CollectorKeyListing"/>), and revokes a
/// key by id or a device's key by the device's id. Device keys come from enrollment (<c>POST /v1/enroll</c>). Every
/// change is logged with its actor.
/// </summary>
public static partial class CollectorKeysApi
{
    public static RouteGroupBuilder MapCollectorKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/admin/collector-keys").RequireAuthorization(WhfbRoles.AdminPolicy);
        group.MapPost("/", CreateAsync).Produces<CreatedKey>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", CollectorKeyListing.ListAsync).Produces<List<CollectorKeyListing.KeySummary>>().ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{id:guid}", RevokeAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/devices/{deviceId:guid}", RevokeDeviceAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> CreateAsync(CreateKeyRequest request, ClaimsPrincipal user, CollectorKeyStore store, ILoggerFactory logs, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200 || name.Any(char.IsControl))
            return IngestResults.Invalid("name", "name must be 1 to 200 characters, without control characters");
        if (!TryCreatableKind(request.Kind, out var kind))
            return IngestResults.Invalid("kind", "kind must be \"enrollment\" or \"import\" (device keys come from POST /v1/enroll)");

        var (key, secret) = await store.CreateAsync(user.RequiredTenantId(), kind, name, user.Actor(), ct);
        LogCreated(logs.CreateLogger(typeof(CollectorKeysApi)), kind, key.Id, key.TenantId, user.Actor());
        return Results.Created($"/v1/admin/collector-keys/{key.Id}", new CreatedKey(key.Id, CollectorKeyListing.KindName(kind), key.Name, secret, key.KeyPrefix, key.CreatedAt));
    }

    private static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal user, CollectorKeyStore store, ILoggerFactory logs, CancellationToken ct)
    {
        if (!await store.RevokeAsync(user.RequiredTenantId(), id, user.Actor(), ct))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such collector key in your tenant");
        LogRevoked(logs.CreateLogger(typeof(CollectorKeysApi)), id, user.RequiredTenantId(), user.Actor());
        return Results.NoContent();
    }

    private static async Task<IResult> RevokeDeviceAsync(Guid deviceId, ClaimsPrincipal user, CollectorKeyStore store, ILoggerFactory logs, CancellationToken ct)
    {
        if (await store.RevokeDeviceAsync(user.RequiredTenantId(), deviceId, user.Actor(), ct) == 0)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No active key of this device in your tenant");
        LogDeviceRevoked(logs.CreateLogger(typeof(CollectorKeysApi)), deviceId, user.RequiredTenantId(), user.Actor());
        return Results.NoContent();
    }

    private static bool TryCreatableKind(string? text, out CollectorKeyKind kind)
    {
        kind = CollectorKeyKind.Enrollment;
        return string.IsNullOrEmpty(text) || (CollectorKeyListing.TryParseKind(text, out kind) && kind != CollectorKeyKind.Device);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector key ({Kind}) {KeyId} created for tenant {TenantId} by {Actor}")]
    private static partial void LogCreated(ILogger logger, CollectorKeyKind kind, Guid keyId, Guid tenantId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector key {KeyId} of tenant {TenantId} revoked by {Actor}")]
    private static partial void LogRevoked(ILogger logger, Guid keyId, Guid tenantId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "The key of device {DeviceId} of tenant {TenantId} revoked by {Actor}")]
    private static partial void LogDeviceRevoked(ILogger logger, Guid deviceId, Guid tenantId, string actor);

    /// <param name="Kind">"enrollment" (the default: what a fleet's collectors are configured with) or "import".</param>
    public sealed record CreateKeyRequest(string? Name, string? Kind = null);

    /// <param name="Key">The collector key itself: shown this once, store it in the collector's configuration.</param>
    public sealed record CreatedKey(Guid Id, string Kind, string Name, string Key, string KeyPrefix, DateTimeOffset CreatedAt);
}
