using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Whfb.GraphClient;

namespace Whfb.Policy.Intune;

/// <summary>
/// The Policy service's <see cref="GraphServiceClient"/> (writes paced to Intune's per-app limit, every attempt audited,
/// throttled calls retried up to 10 times after Retry-After, or without one after 2, 4, 8 … s: the SDK's retry handler)
/// and raw JSON calls to the beta endpoint through the same request adapter, for the settings catalog that the v1.0 SDK
/// has no types for.
/// </summary>
public sealed class IntuneGraph
{
    public const int MaxRetries = 10;

    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public IntuneGraph(IntuneConnection connection, IntuneWriteBudget budget, GraphAuditHandler audit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        Client = GraphServiceClientFactory.Create(connection.Graph, handlers =>
        {
            var retry = handlers.OfType<RetryHandler>().Single();
            handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption { MaxRetry = MaxRetries, Delay = 2 });
            handlers.Add(budget);
            handlers.Add(audit);
        });
    }

    public IntuneConnection Connection { get; }

    public GraphServiceClient Client { get; }

    /// <summary>Sends <paramref name="body"/> (or nothing) to beta/<paramref name="path"/>; the parsed answer, null for 204.</summary>
    public async Task<JsonNode?> BetaAsync(Method method, string path, JsonNode? body, CancellationToken ct)
    {
        var request = new RequestInformation { HttpMethod = method, URI = new Uri($"{Connection.BetaUrl.ToString().TrimEnd('/')}/{path}") };
        return await SendAsync(request, body, ct);
    }

    /// <summary>Every item of a beta collection, following @odata.nextLink page by page.</summary>
    public async Task<IReadOnlyList<JsonNode>> BetaListAsync(string path, CancellationToken ct)
    {
        var items = new List<JsonNode>();
        var page = await BetaAsync(Method.GET, path, null, ct);
        while (page is not null)
        {
            items.AddRange((page["value"] as JsonArray ?? []).OfType<JsonNode>());
            page = page["@odata.nextLink"]?.GetValue<string>() is { } next
                ? await SendAsync(new RequestInformation { HttpMethod = Method.GET, URI = new Uri(next) }, null, ct)
                : null;
        }

        return items;
    }

    private async Task<JsonNode?> SendAsync(RequestInformation request, JsonNode? body, CancellationToken ct)
    {
        request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            request.SetStreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())), "application/json");
        }

        await using var stream = await Client.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors, ct);
        return stream is null ? null : await JsonNode.ParseAsync(stream, cancellationToken: ct);
    }
}
