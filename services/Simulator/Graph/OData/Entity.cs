using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.OData;

/// <summary>A single-entity answer: $select applied, @odata.context first.</summary>
public static class Entity
{
    public static JsonObject WithContext(JsonObject item, GraphRequest request, string context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject { ["@odata.context"] = request.Context(context) };
        foreach (var (key, value) in ODataSelect.Apply(item, request.QueryValue("$select")))
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }
}
