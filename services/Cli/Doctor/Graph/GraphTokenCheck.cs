using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Identity;
using Whfb.GraphClient;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor.Graph;

/// <summary>
/// Check 1: the app gets a token with the credential the services would use (certificate or secret), and the token's
/// <c>roles</c> (its consented application permissions) admit every Graph feature of the services it serves. The token
/// itself is never shown.
/// </summary>
internal static partial class GraphTokenCheck
{
    public static async Task<(IReadOnlySet<string>? Roles, IReadOnlyList<CheckResult> Results)> RunAsync(
        string subject, IReadOnlyList<string> services, GraphConnectionOptions options, CancellationToken ct)
    {
        string token;
        try
        {
            var credential = GraphServiceClientFactory.CreateCredential(options, CertificatePin.From(options));
            token = (await credential.GetTokenAsync(new TokenRequestContext([options.Scope]), ct)).Token;
        }
        catch (Exception e) when (e is AuthenticationFailedException or CredentialUnavailableException or HttpRequestException or IOException)
        {
            return (null, [CheckResult.Fail("graph-token", subject, $"no token from {options.AuthorityHost} for app {options.ClientId}: {FirstLine(e.Message)}", TokenRemedy(e.Message, options))]);
        }

        if (GraphTokenRoles.Read(token) is not { } roles)
        {
            return (null, [CheckResult.Fail("graph-token", subject, "the token is not a JWT, so its permissions cannot be read", "check Graph:AuthorityHost: it must be the Entra authority (https://login.microsoftonline.com/)")]);
        }

        var results = new List<CheckResult>
        {
            CheckResult.Pass("graph-token", subject,
                $"app {options.ClientId} got a token for tenant {options.TenantId} with its {Credential(options)}; roles: {(roles.Count == 0 ? "none" : string.Join(", ", roles.Order(StringComparer.Ordinal)))}"),
        };
        results.AddRange(services.SelectMany(GraphFeatures.Of).Select(feature => Permission(subject, feature, roles)));
        return (roles, results);
    }

    private static CheckResult Permission(string subject, GraphFeature feature, IReadOnlySet<string> roles)
    {
        var id = $"permission:{feature.Name}";
        if (roles.Contains(feature.LeastPrivileged))
        {
            return CheckResult.Pass(id, subject, $"{feature.LeastPrivileged} lets the app {feature.Purpose}");
        }

        if (feature.AcceptedPermissions.FirstOrDefault(roles.Contains) is { } wider)
        {
            return CheckResult.Warn(id, subject, $"works through {wider}, more than {feature.Purpose} needs",
                $"least privilege: grant {feature.LeastPrivileged} instead of {wider} (if nothing else of this app needs it)");
        }

        return CheckResult.Fail(id, subject, $"no role of the token admits it: the app cannot {feature.Purpose}",
            $"grant the {subject} app the Microsoft Graph application permission {feature.LeastPrivileged}, then grant admin consent");
    }

    private static string Credential(GraphConnectionOptions options) =>
        options.ClientCertificate is { } certificate ? $"certificate {certificate.Thumbprint}" : "client secret";

    private static string TokenRemedy(string message, GraphConnectionOptions options) => AadstsCode().Match(message).Groups[1].Value switch
    {
        "700016" => $"Graph:ClientId {options.ClientId} is no app of tenant {options.TenantId}: check both ids (App registrations → Overview)",
        "90002" or "900023" => $"Graph:TenantId {options.TenantId} is not a tenant: copy the Directory (tenant) ID of the app's tenant",
        "700027" => "Entra does not know this certificate for the app: upload its public part (.cer/.pem) under Certificates & secrets",
        "7000215" or "7000222" => "the client secret is wrong or expired: create a new one and give it through Graph__ClientSecret or Graph:ClientSecretFile",
        "700024" => "the assertion's time is not valid: fix this machine's clock (NTP)",
        _ => $"check that {options.AuthorityHost} is reachable from here and that Graph:TenantId, Graph:ClientId and the credential belong together",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    [GeneratedRegex(@"AADSTS(\d+)")]
    private static partial Regex AadstsCode();
}
