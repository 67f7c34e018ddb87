using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Whfb.Simulator.Graph;

namespace Whfb.Simulator.Identity;

/// <summary>
/// Checks a certificate credential's client assertion as Microsoft's page on certificate credentials describes it
/// (https://learn.microsoft.com/entra/identity-platform/certificate-credentials): signed by a certificate registered on
/// the app, iss = sub = client id, aud = this token endpoint, within nbf/exp (5 minutes of skew), and, stricter than Entra
/// documents, each jti used once. Answers with Entra's codes.
/// </summary>
public sealed class ClientAssertionCheck(TimeProvider time)
{
    public const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, X509Certificate2> _certificates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _usedIds = new(StringComparer.Ordinal);

    public TokenError? Check(EmulatedApp app, string clientId, string assertionType, string jwt, Uri tokenEndpoint)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (assertionType != JwtBearer)
        {
            return Error(400, "invalid_request", 900144, $"The request body must contain the following parameter: 'client_assertion_type' = '{JwtBearer}'.");
        }

        if (ClientAssertion.Parse(jwt) is not { } assertion)
        {
            return Error(401, "invalid_client", 50027, "Invalid JWT token. The token is not in a valid format.");
        }

        var key = KeyOf(app, assertion);
        if (key is null || !assertion.NamesOrOmits(key) || !assertion.IsSignedBy(key))
        {
            return Error(401, "invalid_client", 700027,
                $"Client assertion failed signature validation. The certificate used to sign it is not registered on app '{clientId}', or the signature ({assertion.Algorithm}) is wrong.");
        }

        return Claims(assertion, clientId, tokenEndpoint);
    }

    private TokenError? Claims(ClientAssertion assertion, string clientId, Uri tokenEndpoint)
    {
        if (assertion.Claim("iss") != clientId || assertion.Claim("sub") != clientId)
        {
            return Error(401, "invalid_client", 700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        }

        if (assertion.Claim("aud") != tokenEndpoint.ToString())
        {
            return Error(401, "invalid_client", 700023, $"Client assertion audience claim does not match Realm issuer ({tokenEndpoint}).");
        }

        var (now, expires, notBefore) = (time.GetUtcNow(), assertion.Time("exp"), assertion.Time("nbf"));
        if (expires is null || now > expires + Skew || (notBefore is { } start && now < start - Skew))
        {
            return Error(401, "invalid_client", 700024,
                $"Client assertion is not within its valid time range. Current time: {now:O}, assertion valid from {notBefore:O}, expiry time of assertion {expires:O}.");
        }

        return FirstUse(assertion.Claim("jti"), expires.Value + Skew, now);
    }

    private TokenError? FirstUse(string? jti, DateTimeOffset keepUntil, DateTimeOffset now)
    {
        foreach (var (id, until) in _usedIds)
        {
            if (until < now)
            {
                _usedIds.TryRemove(id, out _);
            }
        }

        return jti is not null && _usedIds.TryAdd(jti, keepUntil)
            ? null
            : Error(401, "invalid_client", 70002, "Error validating credentials. The client assertion has no jti, or its jti was used before: sign a new one.");
    }

    /// <summary>The registered certificate: from the app's file, or the one the client sent when its thumbprint is registered.</summary>
    private X509Certificate2? KeyOf(EmulatedApp app, ClientAssertion assertion)
    {
        if (app.CertificatePath is { Length: > 0 } path)
        {
            return _certificates.GetOrAdd(path, X509CertificateLoader.LoadCertificateFromFile);
        }

        try
        {
            return app.CertificateThumbprint is { Length: > 0 } thumbprint && assertion.SentCertificate is { } sent
                && string.Equals(sent.Thumbprint, thumbprint.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
                ? sent
                : null;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private TokenError Error(int status, string error, int code, string description) => TokenError.Create(status, error, code, description, time);
}
