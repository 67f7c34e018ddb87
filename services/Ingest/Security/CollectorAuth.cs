using Microsoft.AspNetCore.Authentication;
using Whfb.Ingest.Model;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Security;

/// <summary>
/// Collectors authenticate with their own scheme (bearer collector keys), beside the shared API key / JWT schemes
/// that admins use for the collector-key API. Posting takes any collector key (what each kind may post is checked
/// per request); enrolling takes an enrollment key only.
/// </summary>
public static class CollectorAuth
{
    public const string Scheme = "CollectorKey";
    public const string Policy = "whfb-collector";
    public const string EnrollPolicy = "whfb-collector-enroll";

    public static IHostApplicationBuilder AddCollectorAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddWhfbAuthentication();
        builder.Services.AddSingleton<CollectorKeyCache>();
        builder.Services.AddSingleton<FailedKeyLimiter>();
        builder.Services.AddSingleton<KeyUseRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KeyUseRecorder>());
        builder.Services.AddScoped<CollectorKeyStore>();
        builder.Services.AddScoped<DeviceEnrollment>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, CollectorKeyAuthenticationHandler>(Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(CollectorClaims.KeyId).RequireClaim(WhfbRoles.TenantClaim))
            .AddPolicy(EnrollPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(WhfbRoles.TenantClaim)
                .RequireClaim(CollectorClaims.Kind, nameof(CollectorKeyKind.Enrollment)));
        builder.Services.AddCollectorRateLimiting();
        return builder;
    }
}
