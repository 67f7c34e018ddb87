using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph;

namespace Whfb.Simulator.Identity;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c>, client credentials only, with Entra's error shapes
/// (AADSTS90002 unknown tenant, AADSTS700016 unknown app, AADSTS7000215 wrong secret).
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", IssueAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> IssueAsync(
        string tenant, HttpRequest request, IOptions<GraphEmulatorOptions> options, EmulatedApps apps, TokenIssuer issuer, TimeProvider time,
        ILogger<TokenIssuer> logger)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        var (clientId, secret, grant) = (form?["client_id"].ToString() ?? "", form?["client_secret"].ToString() ?? "", form?["grant_type"].ToString());
        var settings = options.Value;
        var error = (tenant, grant) switch
        {
            _ when !string.Equals(tenant, settings.TenantId, StringComparison.OrdinalIgnoreCase) =>
                TokenError.Create(400, "invalid_request", 90002, $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", time),
            _ when grant != "client_credentials" =>
                TokenError.Create(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.", time),
            _ => CheckClient(apps, tenant, clientId, secret, time),
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

    private static TokenError? CheckClient(EmulatedApps apps, string tenant, string clientId, string secret, TimeProvider time)
    {
        var app = apps.Find(clientId);
        if (app is null)
        {
            return TokenError.Create(400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant}'.", time);
        }

        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(app.ClientSecret), System.Text.Encoding.UTF8.GetBytes(secret))
            ? null
            : TokenError.Create(401, "invalid_client", 7000215,
                $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.", time);
    }
}
