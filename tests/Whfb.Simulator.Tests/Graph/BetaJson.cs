using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>
/// JSON to the beta endpoint through the real <see cref="GraphServiceClient"/>'s request adapter (token, pinning, retry
/// handler): the v1.0 SDK has no types for the settings catalog. Errors come back as the SDK's <see cref="ODataError"/>.
/// </summary>
public static class BetaJson
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public static async Task<JsonNode?> SendAsync(GraphServiceClient client, Uri httpsRoot, Method method, string path, JsonNode? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new RequestInformation { HttpMethod = method, URI = new Uri(httpsRoot, "beta/" + path) };
        request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body.ToJsonString())), "application/json");
        }

        await using var stream = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors);
        return stream is null ? null : await JsonNode.ParseAsync(stream);
    }
}
