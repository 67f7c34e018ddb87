using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;collector key&gt;</c>: the key's SHA-256 is looked up (through a short cache) among the
/// active keys; the tenant claim is the key's tenant, never anything in the request.
/// </summary>
internal sealed class CollectorKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CollectorKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var key = authorization["Bearer ".Length..].Trim();
        if (key.Length == 0 || await keys.FindAsync(ApiKeyHasher.Hash(key), Context.RequestAborted) is not { } collector)
            return AuthenticateResult.Fail("Unknown or revoked collector key");

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, collector.Name),
            new Claim(WhfbRoles.TenantClaim, collector.TenantId.ToString()),
            new Claim(CollectorAuth.KeyIdClaim, collector.KeyId.ToString()),
        ], CollectorAuth.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), CollectorAuth.Scheme));
    }
}
