using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Whfb.ServiceDefaults.Security;

public static class SecurityExtensions
{
    private const string Selector = "whfb";

    /// <summary>
    /// Operators and admins authenticate with an API key or a JWT bearer; the policies <see cref="WhfbRoles.OperatorPolicy"/>
    /// and <see cref="WhfbRoles.AdminPolicy"/> require a tenant claim and the role.
    /// </summary>
    public static IHostApplicationBuilder AddWhfbAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.Configure<AuthOptions>(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();
        var jwt = options.Jwt;
        var problems = jwt.Problems().Concat(options.ApiKeys.Where(k => k.Role is not (WhfbRoles.Operator or WhfbRoles.Admin))
            .Select(k => $"Auth:ApiKeys entry '{k.Name}' has role '{k.Role}': it must be {WhfbRoles.Operator} or {WhfbRoles.Admin}.")).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Authentication settings are unsafe or invalid: " + string.Join(" ", problems));
        }

        var auth = builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or JWT bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && jwt.Enabled
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.Enabled)
        {
            auth.AddJwtBearer(o => ConfigureJwt(o, jwt));
        }

        NoEagerDataProtection(builder.Services);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(WhfbRoles.OperatorPolicy, p => p.RequireClaim(WhfbRoles.TenantClaim).RequireAssertion(ctx => HasRole(ctx.User, WhfbRoles.Operator)))
            .AddPolicy(WhfbRoles.AdminPolicy, p => p.RequireClaim(WhfbRoles.TenantClaim).RequireAssertion(ctx => HasRole(ctx.User, WhfbRoles.Admin)));
        return builder;
    }

    /// <summary>The caller's tenant, from the credential; null only for anonymous callers.</summary>
    public static Guid? TenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(WhfbRoles.TenantClaim), out var tenant) ? tenant : null;

    /// <summary>The caller's tenant; throws for a principal without one (endpoints behind the policies always have one).</summary>
    public static Guid RequiredTenantId(this ClaimsPrincipal user) =>
        user.TenantId() ?? throw new InvalidOperationException("The credential carries no tenant");

    /// <summary>Who did it, for audit logs.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("preferred_username") ?? user.FindFirstValue("sub") ?? "anonymous";

    /// <summary>
    /// AddAuthentication brings ASP.NET Core data protection, whose hosted service loads (and on a first start writes) an
    /// XML key ring as the host starts. No service here issues cookies or protected payloads (API keys and JWT bearers
    /// only), so the ring is left to load on first use, which never comes, and no process holds it in memory.
    /// </summary>
    private static void NoEagerDataProtection(IServiceCollection services)
    {
        var warmUp = services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList();
        warmUp.ForEach(d => services.Remove(d));
    }

    /// <summary>Only the platform's own role values count, compared exactly; admin implies operator.</summary>
    private static bool HasRole(ClaimsPrincipal user, string role)
    {
        var roles = user.FindAll(WhfbRoles.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return roles.Contains(WhfbRoles.AdminRole) || (role == WhfbRoles.Operator && roles.Contains(WhfbRoles.OperatorRole));
    }

    private static void ConfigureJwt(JwtBearerOptions o, JwtOptions jwt)
    {
        o.MapInboundClaims = false;
        o.Authority = jwt.Authority;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidateIssuer = true,
            ValidAudience = jwt.Audience,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RoleClaimType = WhfbRoles.RoleClaim,
            IssuerSigningKey = jwt.SigningKey is { } key ? new SymmetricSecurityKey(Convert.FromBase64String(key)) : null,
        };
    }
}
