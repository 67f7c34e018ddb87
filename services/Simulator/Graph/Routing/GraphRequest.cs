using System.Text.Json.Nodes;

namespace Whfb.Simulator.Graph.Routing;

/// <summary>One Graph request as the handlers see it, whether it came over HTTP or inside a $batch.</summary>
public sealed class GraphRequest
{
    public required string Method { get; init; }

    /// <summary>"v1.0" or "beta".</summary>
    public required string Version { get; init; }

    /// <summary>The path after the version, without leading slash (e.g. "users/a1/authentication").</summary>
    public required string Path { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public JsonNode? Body { get; init; }

    /// <summary>The client's <c>Prefer: odata.maxpagesize=N</c>, where it sent one (over HTTP only).</summary>
    public int? MaxPageSize { get; init; }

    /// <summary>The app (client id) the bearer token was issued to.</summary>
    public required string ClientId { get; init; }

    /// <summary>The application permissions the token carries (its <c>roles</c> claim).</summary>
    public required IReadOnlySet<string> Roles { get; init; }

    public bool HasAny(IEnumerable<string> permissions) => permissions.Any(Roles.Contains);

    /// <summary>Scheme and authority the client used, for @odata.context and @odata.nextLink.</summary>
    public required Uri ServiceRoot { get; init; }

    /// <summary>Values of the {placeholders} of the matched route.</summary>
    public IReadOnlyDictionary<string, string> Values { get; set; } = new Dictionary<string, string>();

    public string this[string name] => Values[name];

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    /// <summary>Absolute URL of this version's root, e.g. https://127.0.0.1:5443/v1.0.</summary>
    public string VersionRoot => $"{ServiceRoot.GetLeftPart(UriPartial.Authority)}/{Version}";

    public string Context(string fragment) => $"{VersionRoot}/$metadata#{fragment}";
}
