using System.Text.Json.Nodes;

namespace Whfb.Simulator.Graph.Routing;

/// <summary>Status, JSON body and extra headers of one Graph answer.</summary>
public sealed record GraphResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static GraphResponse Ok(JsonNode body) => new(200, body);

    public static GraphResponse Created(JsonNode body) => new(201, body);

    public static GraphResponse NoContent() => new(204, null);

    public static GraphResponse NotFound(string id) => GraphErrors.Response(
        404, "Request_ResourceNotFound",
        $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphResponse BadRequest(string code, string message) => GraphErrors.Response(400, code, message);
}
