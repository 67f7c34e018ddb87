using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.OData;

namespace Whfb.Simulator.Graph.Routing;

/// <summary>The common pair of an entity set: <c>GET {set}</c> (paged, filtered) and <c>GET {set}/{id}</c>.</summary>
public static class EntitySetRoutes
{
    public static GraphRouteTable EntitySet(
        this GraphRouteTable routes, string set, Func<IEnumerable<JsonObject>> list, Func<string, JsonObject?> find)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes
            .Get(set, request => ODataPage.Respond(request, set, list()))
            .Get(set + "/{id}", request => find(request["id"]) is { } item
                ? GraphResponse.Ok(Entity.WithContext(item, request, set + "/$entity"))
                : GraphResponse.NotFound(request["id"]));
    }
}
