using System.Text.Json;

namespace Whfb.Testing.Security;

/// <summary>One operation of a service's OpenAPI document: its method and path template (<c>/v1/webhooks/{id}</c>).</summary>
public sealed record OpenApiRoute(string Method, string Path)
{
    public IEnumerable<string> Parameters =>
        Path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);

    public bool IsWrite => Method is not ("GET" or "HEAD");

    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every path × method of the document the service serves at /openapi/v1.json.</summary>
    public static async Task<IReadOnlyList<OpenApiRoute>> ReadAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/openapi/v1.json answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(op => new OpenApiRoute(op.Name.ToUpperInvariant(), path.Name)))
            .OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }
}
