using System.Globalization;
using System.Security.Claims;
using Whfb.Ingest.Model;
using Whfb.Ingest.Security;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// <c>GET /v1/admin/collector-keys?kind=&amp;deviceId=&amp;active=&amp;offset=&amp;limit=</c>: the tenant's keys, oldest
/// first, a page at a time (a fleet has a key per device), with each key's last use and no secret.
/// </summary>
public static class CollectorKeyListing
{
    public const int DefaultLimit = 1_000;
    public const int MaxLimit = 10_000;

    internal static async Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, CollectorKeyStore store, CancellationToken ct)
    {
        var query = http.Request.Query;
        CollectorKeyKind? kind = null;
        if (query["kind"].ToString() is { Length: > 0 } kindText)
        {
            if (!TryParseKind(kindText, out var parsed))
                return IngestResults.Invalid("kind", "kind must be enrollment, device or import");
            kind = parsed;
        }

        Guid? device = null;
        if (query["deviceId"].ToString() is { Length: > 0 } deviceText)
        {
            if (!Guid.TryParse(deviceText, out var parsed))
                return IngestResults.Invalid("deviceId", "deviceId must be the Entra device GUID");
            device = parsed;
        }

        var activeOnly = false;
        if (query["active"].ToString() is { Length: > 0 } activeText && !bool.TryParse(activeText, out activeOnly))
            return IngestResults.Invalid("active", "active must be true or false");
        if (Number(query["offset"], 0, 0, int.MaxValue) is not { } offset)
            return IngestResults.Invalid("offset", "offset must be a whole number from 0");
        if (Number(query["limit"], DefaultLimit, 1, MaxLimit) is not { } limit)
            return IngestResults.Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}");

        var keys = await store.ListAsync(user.RequiredTenantId(), new CollectorKeyStore.KeyFilter(kind, device, !activeOnly, offset, limit), ct);
        return Results.Ok(keys.Select(KeySummary.From));
    }

    public static string KindName(CollectorKeyKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A kind by its name only (no numbers, no comma lists as <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> takes).</summary>
    public static bool TryParseKind(string text, out CollectorKeyKind kind)
    {
        kind = Enum.GetValues<CollectorKeyKind>().FirstOrDefault(k => KindName(k).Equals(text, StringComparison.OrdinalIgnoreCase), (CollectorKeyKind)(-1));
        return Enum.IsDefined(kind);
    }

    private static int? Number(string? text, int fallback, int min, int max) =>
        string.IsNullOrEmpty(text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;

    public sealed record KeySummary(
        Guid Id, string Kind, string Name, Guid? DeviceId, Guid? EnrolledWith, string KeyPrefix, DateTimeOffset CreatedAt, string CreatedBy,
        DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
    {
        public static KeySummary From(CollectorKey k) =>
            new(k.Id, KindName(k.Kind), k.Name, k.DeviceId, k.EnrolledWith, k.KeyPrefix, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt, k.RevokedBy);
    }
}
