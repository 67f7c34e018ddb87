using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph;

namespace Whfb.Simulator.Identity;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c>, client credentials only, the app proving itself with a client secret or a
/// certificate's client assertion (<see cref="ClientAssertionCheck"/>), with Entra's error shapes (AADSTS90002 unknown
/// tenant, AADSTS700016 unknown app, AADSTS7000215 wrong secret, AADSTS7000xx bad assertion).
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", IssueAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> IssueAsync(
        string tenant, HttpRequest request, IOptions<GraphEmulatorOptions> options, EmulatedApps apps, TokenIssuer issuer,
        ClientAssertionCheck assertions, TimeProvider time, ILogger<TokenIssuer> logger)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        var (clientId, grant) = (form?["client_id"].ToString() ?? "", form?["grant_type"].ToString());
        var settings = options.Value;

        // The app proves itself with a certificate's client assertion when it sends one, else with its secret.
        TokenError? Authenticate(EmulatedApp? app, IFormCollection fields, Uri endpoint) => app switch
        {
            null => TokenError.Create(400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant}'.", time),
            _ when fields.ContainsKey("client_assertion") => assertions.Check(
                app, clientId, fields["client_assertion_type"].ToString(), fields["client_assertion"].ToString(), endpoint),
            _ => CheckSecret(app, clientId, fields["client_secret"].ToString(), time),
        };

        var error = (tenant, grant) switch
        {
            _ when !string.Equals(tenant, settings.TenantId, StringComparison.OrdinalIgnoreCase) =>
                TokenError.Create(400, "invalid_request", 90002, $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", time),
            _ when grant != "client_credentials" =>
                TokenError.Create(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.", time),
            _ => Authenticate(apps.Find(clientId), form!, new Uri($"{request.Scheme}://{request.Host}/{tenant}/oauth2/v2.0/token")),
        };
        if (error is not null)
        {
            TokenLog.Rejected(logger, clientId, error.Code);
            return Results.Json(error.Body, statusCode: error.Status);
        }

        TokenLog.Issued(logger, clientId);
        var lifetime = (int)settings.TokenLifetime.TotalSeconds;
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = issuer.Issue(clientId, Resource(form?["scope"].ToString())),
        });
    }

    /// <summary>The resource of a <c>…/.default</c> scope: the token's audience.</summary>
    private static string Resource(string? scope) =>
        scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } first && first.EndsWith("/.default", StringComparison.Ordinal)
            ? first[..^"/.default".Length]
            : "https://graph.microsoft.com";


    /// <summary>An app without a secret has none to match: an empty client_secret is as wrong as any other.</summary>
    private static TokenError? CheckSecret(EmulatedApp app, string clientId, string secret, TimeProvider time) =>
        app.ClientSecret.Length > 0 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(app.ClientSecret), System.Text.Encoding.UTF8.GetBytes(secret))
            ? null
            : TokenError.Create(401, "invalid_client", 7000215,
                $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.", time);
}
