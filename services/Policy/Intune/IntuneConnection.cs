using Microsoft.Extensions.Configuration;
using Whfb.GraphClient;

namespace Whfb.Policy.Intune;

/// <summary>
/// The Graph connection of the Policy service: the <c>Graph</c> section as every service reads it
/// (<see cref="GraphConnectionLoader"/>: a certificate or a client secret, never from appsettings), plus the Intune write
/// pacing. Problems are reported together, naming the keys; no secret appears in a message.
/// </summary>
public sealed record IntuneConnection(GraphConnectionOptions Graph, Guid TenantId, Uri BetaUrl)
{
    /// <summary>
    /// Intune writes allowed per <see cref="WriteWindow"/> (Graph:WritesPerWindow): Intune takes 100 per 20 s from one app
    /// in a tenant (200 from all apps together), and this app is one of them.
    /// </summary>
    public int WritesPerWindow { get; init; } = DefaultWritesPerWindow;

    public const int DefaultWritesPerWindow = 100;

    public TimeSpan WriteWindow { get; init; } = TimeSpan.FromSeconds(20);

    public static IntuneConnection Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GraphConnectionOptions.SectionName);
        var problems = new List<string>();
        var graph = GraphConnectionLoader.Load(configuration, problems);
        if (graph is not null && !graph.BaseUrl.AbsolutePath.TrimEnd('/').EndsWith("/v1.0", StringComparison.Ordinal))
        {
            problems.Add("Graph:BaseUrl must end with the version segment /v1.0 (the beta URL is derived from it).");
        }

        var writes = section["WritesPerWindow"] is { } w ? (int.TryParse(w, out var n) && n > 0 ? n : Problem(problems, "Graph:WritesPerWindow must be a positive number.", 1)) : DefaultWritesPerWindow;
        var window = section["WriteWindow"] is { } t
            ? (TimeSpan.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
                ? span : Problem(problems, "Graph:WriteWindow must be a positive time span (e.g. 00:00:20).", TimeSpan.FromSeconds(1)))
            : TimeSpan.FromSeconds(20);
        if (problems.Count > 0 || graph is null)
        {
            throw new InvalidOperationException("Graph connection settings are invalid: " + string.Join(" ", problems));
        }

        return new IntuneConnection(graph, Guid.Parse(graph.TenantId), BetaOf(graph.BaseUrl)) { WritesPerWindow = writes, WriteWindow = window };
    }

    /// <summary>The same service root with the version segment swapped: …/v1.0 → …/beta.</summary>
    public static Uri BetaOf(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var path = baseUrl.AbsolutePath.TrimEnd('/');
        return new UriBuilder(baseUrl) { Path = path[..path.LastIndexOf('/')] + "/beta" }.Uri;
    }

    public override string ToString() => Graph.ToString();

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
