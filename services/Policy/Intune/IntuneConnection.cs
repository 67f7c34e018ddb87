using Microsoft.Extensions.Configuration;
using Whfb.GraphClient;
using Whfb.Secrets;

namespace Whfb.Policy.Intune;

/// <summary>
/// The Graph connection of the Policy service, from configuration section <c>Graph</c>. The client secret comes from
/// <c>Graph:ClientSecretFile</c> (a mounted secret) or <c>Graph:ClientSecret</c> from the environment or another
/// non-file source, never from an appsettings file. Problems are reported together, naming the keys; the secret
/// itself never appears in a message.
/// </summary>
public sealed record IntuneConnection(GraphConnectionOptions Graph, Guid TenantId, Uri BetaUrl)
{
    /// <summary>Intune writes allowed per <see cref="WriteWindow"/> (Graph:WritesPerWindow; Intune's limit is 200 per 20 s per tenant).</summary>
    public int WritesPerWindow { get; init; } = 200;

    public TimeSpan WriteWindow { get; init; } = TimeSpan.FromSeconds(20);

    public static IntuneConnection Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GraphConnectionOptions.SectionName);
        var problems = new List<string>();
        var tenant = Guid.TryParse(section["TenantId"], out var tenantId) ? tenantId : Problem(problems, "Graph:TenantId must be a GUID.", Guid.Empty);
        var clientId = section["ClientId"] is { Length: > 0 } id ? id : Problem(problems, "Graph:ClientId is required.", "");
        var secret = ConfiguredSecret.ReadRequired(configuration, $"{section.Path}:ClientSecret", problems) ?? "";
        var baseUrl = HttpsUrl(section["BaseUrl"] ?? "https://graph.microsoft.com/v1.0", "Graph:BaseUrl", problems);
        var authority = HttpsUrl(section["AuthorityHost"] ?? "https://login.microsoftonline.com/", "Graph:AuthorityHost", problems);
        if (baseUrl is not null && !baseUrl.AbsolutePath.TrimEnd('/').EndsWith("/v1.0", StringComparison.Ordinal))
        {
            problems.Add("Graph:BaseUrl must end with the version segment /v1.0 (the beta URL is derived from it).");
        }

        var writes = section["WritesPerWindow"] is { } w ? (int.TryParse(w, out var n) && n > 0 ? n : Problem(problems, "Graph:WritesPerWindow must be a positive number.", 1)) : 200;
        var window = section["WriteWindow"] is { } t
            ? (TimeSpan.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
                ? span : Problem(problems, "Graph:WriteWindow must be a positive time span (e.g. 00:00:20).", TimeSpan.FromSeconds(1)))
            : TimeSpan.FromSeconds(20);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Graph connection settings are invalid: " + string.Join(" ", problems));
        }

        var graph = new GraphConnectionOptions
        {
            TenantId = tenant.ToString(),
            ClientId = clientId,
            ClientSecret = secret,
            BaseUrl = baseUrl!,
            AuthorityHost = authority!,
            PinnedCertificatePath = section["PinnedCertificatePath"] is { Length: > 0 } path ? path : null,
            PinnedCertificateThumbprint = section["PinnedCertificateThumbprint"] is { Length: > 0 } thumbprint ? thumbprint : null,
        };
        return new IntuneConnection(graph, tenant, BetaOf(baseUrl!)) { WritesPerWindow = writes, WriteWindow = window };
    }

    /// <summary>The same service root with the version segment swapped: …/v1.0 → …/beta.</summary>
    public static Uri BetaOf(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var path = baseUrl.AbsolutePath.TrimEnd('/');
        return new UriBuilder(baseUrl) { Path = path[..path.LastIndexOf('/')] + "/beta" }.Uri;
    }

    public override string ToString() => Graph.ToString();

    private static Uri? HttpsUrl(string text, string key, List<string> problems) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : Problem<Uri?>(problems, $"{key} must be an absolute https URL.", null);

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
