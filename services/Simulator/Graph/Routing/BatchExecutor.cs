using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Whfb.Simulator.Graph.Routing;

/// <summary>
/// <c>POST $batch</c>: up to 20 steps with relative URLs, run in order through the same dispatcher (each step
/// draws from the throttle budget on its own), answered with a per-step status, headers and body.
/// </summary>
public sealed class BatchExecutor(Func<GraphRequest, GraphResponse> dispatch)
{
    public const int MaxSteps = 20;

    public GraphResponse Execute(GraphRequest batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Body?["requests"] is not JsonArray steps)
        {
            return GraphResponse.BadRequest("BadRequest", "Invalid batch payload format.");
        }

        if (steps.Count > MaxSteps)
        {
            return GraphResponse.BadRequest("BadRequest", $"Too many requests in the batch. Maximum is {MaxSteps}.");
        }

        var responses = new JsonArray();
        foreach (var step in steps.OfType<JsonObject>())
        {
            var id = step["id"]?.ToString() ?? "";
            var answer = Run(batch, step);
            var item = new JsonObject
            {
                ["id"] = id,
                ["status"] = answer.Status,
                ["headers"] = Headers(answer),
            };
            if (answer.Body is not null)
            {
                item["body"] = answer.Body;
            }

            responses.Add(item);
        }

        return GraphResponse.Ok(new JsonObject { ["responses"] = responses });
    }

    private GraphResponse Run(GraphRequest batch, JsonObject step)
    {
        var url = step["url"]?.GetValue<string>() ?? "";
        var method = step["method"]?.GetValue<string>()?.ToUpperInvariant() ?? "GET";
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var path = (queryStart < 0 ? url : url[..queryStart]).TrimStart('/');
        if (path.StartsWith(batch.Version + "/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[(batch.Version.Length + 1)..];
        }

        if (string.Equals(path, "$batch", StringComparison.OrdinalIgnoreCase))
        {
            return GraphResponse.BadRequest("BadRequest", "Nested batch requests are not supported.");
        }

        var query = QueryHelpers.ParseQuery(queryStart < 0 ? "" : url[queryStart..])
            .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return dispatch(new GraphRequest
        {
            Method = method,
            Version = batch.Version,
            Path = path,
            Query = query,
            Body = step["body"]?.DeepClone(),
            ClientId = batch.ClientId,
            Roles = batch.Roles,
            ServiceRoot = batch.ServiceRoot,
        });
    }

    private static JsonObject Headers(GraphResponse answer)
    {
        var headers = new JsonObject();
        if (answer.Body is not null)
        {
            headers["Content-Type"] = "application/json";
        }

        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return headers;
    }
}
