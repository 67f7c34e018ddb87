using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph;

namespace Whfb.Simulator.Identity;

/// <summary>
/// Issues app-only access tokens as Entra does for client credentials (a v1.0 JWT with the tenant, the app and the
/// application permissions consented for it as <c>roles</c>) and resolves them back until they expire.
/// </summary>
public sealed class TokenIssuer(IOptions<GraphEmulatorOptions> options, EmulatedApps apps, TimeProvider time)
{
    private readonly EmulatorJwt _jwt = new();

    /// <param name="resource">The resource of the requested scope (<c>https://graph.microsoft.com</c>, or the emulator's root).</param>
    public string Issue(string clientId, string resource)
    {
        var (now, tenant) = (time.GetUtcNow(), options.Value.TenantId);
        return _jwt.Sign(new JsonObject
        {
            ["aud"] = resource,
            ["iss"] = $"https://sts.windows.net/{tenant}/",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + options.Value.TokenLifetime).ToUnixTimeSeconds(),
            ["appid"] = clientId,
            ["appidacr"] = "1",
            ["idtyp"] = "app",
            ["oid"] = clientId,
            ["sub"] = clientId,
            ["roles"] = new JsonArray(apps.Roles(clientId).Order(StringComparer.Ordinal).Select(r => (JsonNode)r).ToArray()),
            ["tid"] = tenant,
            ["ver"] = "1.0",
        });
    }

    /// <summary>The app and its roles for a live token of this emulator, otherwise null.</summary>
    public GraphCaller? Validate(string? token)
    {
        if (token is null || _jwt.Verify(token) is not { } claims
            || !claims.TryGetProperty("exp", out var exp) || DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) <= time.GetUtcNow())
        {
            return null;
        }

        var roles = claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new GraphCaller(claims.GetProperty("appid").GetString()!, roles);
    }
}

/// <summary>Who calls Graph: the app's client id and the application permissions its token carries.</summary>
public sealed record GraphCaller(string ClientId, IReadOnlySet<string> Roles);
