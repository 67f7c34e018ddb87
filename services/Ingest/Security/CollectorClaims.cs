using System.Globalization;
using System.Security.Claims;
using Whfb.Ingest.Model;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Security;

/// <summary>The collector key's identity as claims of the request's user, and back.</summary>
public static class CollectorClaims
{
    public const string KeyId = "collector_key_id";
    public const string Kind = "collector_key_kind";
    public const string DeviceId = "collector_device_id";

    public static ClaimsPrincipal Principal(CollectorIdentity collector)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, collector.Name),
            new(WhfbRoles.TenantClaim, collector.TenantId.ToString()),
            new(KeyId, collector.KeyId.ToString()),
            new(Kind, collector.Kind.ToString()),
        };
        if (collector.DeviceId is { } device)
            claims.Add(new Claim(DeviceId, device.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CollectorAuth.Scheme));
    }

    /// <summary>The collector behind an authenticated collector request.</summary>
    public static CollectorIdentity Collector(this ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(KeyId)!, CultureInfo.InvariantCulture),
        user.RequiredTenantId(),
        user.Identity?.Name ?? "",
        Enum.Parse<CollectorKeyKind>(user.FindFirstValue(Kind)!),
        user.FindFirstValue(DeviceId) is { } device ? Guid.Parse(device, CultureInfo.InvariantCulture) : null);
}
