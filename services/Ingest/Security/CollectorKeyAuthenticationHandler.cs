using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;collector key&gt;</c>: a key of the wrong shape is refused at once; the SHA-256 of a
/// well-formed one is looked up (through a short cache) among the active keys, unless its address already tried too
/// many unknown keys; the tenant claim is the key's tenant, never anything in the request. A key that authenticates
/// is noted as used (<see cref="KeyUseRecorder"/>).
/// </summary>
internal sealed class CollectorKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CollectorKeyCache keys, FailedKeyLimiter failures,
    KeyUseRecorder uses)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var key = authorization["Bearer ".Length..].Trim();
        if (!CollectorKeyFormat.IsWellFormed(key))
            return AuthenticateResult.Fail("Not a collector key");
        var hash = ApiKeyHasher.Hash(key);
        var (cached, collector) = keys.Peek(hash);
        if (!cached)
        {
            var address = Context.Connection.RemoteIpAddress ?? IPAddress.None;
            if (!failures.MayLookUp(address))
                return AuthenticateResult.Fail("Too many unknown collector keys from this address");
            collector = await keys.LookUpAsync(hash, Context.RequestAborted);
            if (collector is null)
                failures.Failed(address);
        }

        if (collector is null)
            return AuthenticateResult.Fail("Unknown or revoked collector key");

        uses.Used(collector.KeyId);
        return AuthenticateResult.Success(new AuthenticationTicket(CollectorClaims.Principal(collector), CollectorAuth.Scheme));
    }
}
