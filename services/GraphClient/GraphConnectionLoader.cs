using Microsoft.Extensions.Configuration;
using Whfb.Secrets;

namespace Whfb.GraphClient;

/// <summary>
/// Reads the <c>Graph</c> section the same way for every service: tenant, app, authority and Graph URLs (https), and
/// the app's credential, either a certificate (<c>ClientCertificatePath</c>: PEM with its key or PKCS#12, with
/// <c>ClientCertificatePassword</c> / <c>…PasswordFile</c>) or a client secret (<c>ClientSecret</c> / <c>ClientSecretFile</c>).
/// Secrets follow <see cref="ConfiguredSecret"/>; problems are collected, naming the keys, never a secret.
/// </summary>
public static class GraphConnectionLoader
{
    /// <summary>True when the section names an app at all (services without Graph leave it out).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        configuration.GetSection(GraphConnectionOptions.SectionName)["ClientId"] is { Length: > 0 };

    /// <summary>The connection; throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static GraphConnectionOptions Load(IConfiguration configuration)
    {
        var problems = new List<string>();
        var options = Load(configuration, problems);
        return problems.Count == 0 && options is not null
            ? options
            : throw new InvalidOperationException("Graph connection settings are invalid: " + string.Join(" ", problems));
    }

    /// <summary>The connection, or null when <paramref name="problems"/> got an entry.</summary>
    public static GraphConnectionOptions? Load(IConfiguration configuration, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var section = configuration.GetSection(GraphConnectionOptions.SectionName);
        var tenant = Guid.TryParse(section["TenantId"], out var tenantId) ? tenantId.ToString() : Problem(problems, "Graph:TenantId must be a GUID.");
        var clientId = section["ClientId"] is { Length: > 0 } id ? id : Problem(problems, "Graph:ClientId is required.");
        var baseUrl = HttpsUrl(section["BaseUrl"] ?? "https://graph.microsoft.com/v1.0", "Graph:BaseUrl", problems);
        var authority = HttpsUrl(section["AuthorityHost"] ?? "https://login.microsoftonline.com/", "Graph:AuthorityHost", problems);
        var credential = GraphCredentialSettings.Read(configuration, section, problems);
        if (problems.Count > before)
        {
            return null;
        }

        return new GraphConnectionOptions
        {
            TenantId = tenant,
            ClientId = clientId,
            ClientSecret = credential.Secret,
            ClientCertificate = credential.Certificate,
            SendCertificateChain = bool.TryParse(section["SendCertificateChain"], out var chain) && chain,
            BaseUrl = baseUrl!,
            AuthorityHost = authority!,
            PinnedCertificatePath = section["PinnedCertificatePath"] is { Length: > 0 } path ? path : null,
            PinnedCertificateThumbprint = section["PinnedCertificateThumbprint"] is { Length: > 0 } thumbprint ? thumbprint : null,
        };
    }

    private static Uri? HttpsUrl(string text, string key, ICollection<string> problems)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
        {
            return url;
        }

        problems.Add($"{key} must be an absolute https URL.");
        return null;
    }

    private static string Problem(ICollection<string> problems, string problem)
    {
        problems.Add(problem);
        return "";
    }
}
