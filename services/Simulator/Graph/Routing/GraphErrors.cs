using System.Globalization;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Graph.Routing;

/// <summary>Graph's error body: <c>{"error":{"code","message","innerError":{date, request-id, client-request-id}}}</c>.</summary>
public static class GraphErrors
{
    public static JsonObject Body(string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                ["request-id"] = Guid.NewGuid().ToString(),
                ["client-request-id"] = Guid.NewGuid().ToString(),
            },
        },
    };

    public static GraphResponse Response(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Body(code, message), headers);
}
