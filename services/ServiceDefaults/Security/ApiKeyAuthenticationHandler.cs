using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Whfb.ServiceDefaults.Security;

/// <summary>
/// <c>Authorization: ApiKey &lt;key&gt;</c> (or <c>X-Api-Key</c>): the key's hash is compared in constant time with
/// every configured hash; the tenant and role come from the matching entry, never from the request.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyHeader.Read(Request) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = ApiKeyHasher.Hash(key);
        ApiKeyEntry? match = null;
        foreach (var entry in auth.CurrentValue.ApiKeys)
        {
            // No early exit: the time taken does not depend on which entry matched.
            if (ApiKeyHasher.HashesEqual(hash, entry.Sha256.ToLowerInvariant()))
            {
                match = entry;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key"));
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, match.Name),
            new Claim(WhfbRoles.TenantClaim, match.TenantId.ToString()),
            new Claim(WhfbRoles.RoleClaim, match.Role == WhfbRoles.Admin ? WhfbRoles.AdminRole : WhfbRoles.OperatorRole),
        ], SchemeName, ClaimTypes.Name, WhfbRoles.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
