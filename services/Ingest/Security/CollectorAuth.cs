using Microsoft.AspNetCore.Authentication;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Security;

/// <summary>
/// Collectors authenticate with their own scheme (bearer collector keys), beside the shared API key / JWT schemes
/// that admins use for the collector-key API.
/// </summary>
public static class CollectorAuth
{
    public const string Scheme = "CollectorKey";
    public const string Policy = "whfb-collector";
    public const string KeyIdClaim = "collector_key_id";

    public static IHostApplicationBuilder AddCollectorAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddWhfbAuthentication();
        builder.Services.AddSingleton<CollectorKeyCache>();
        builder.Services.AddSingleton<FailedKeyLimiter>();
        builder.Services.AddScoped<CollectorKeyStore>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, CollectorKeyAuthenticationHandler>(Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(KeyIdClaim).RequireClaim(WhfbRoles.TenantClaim));
        builder.Services.AddCollectorRateLimiting();
        return builder;
    }
}
