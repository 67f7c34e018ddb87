using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Intune;

namespace Whfb.Simulator.Graph;

/// <summary>
/// deviceManagement/configurationPolicies and deviceConfigurations: create, get, list, update (PATCH/PUT),
/// delete, /assign, /assignments, plus /settings (settings catalog) and /deviceStatuses (device configurations).
/// </summary>
public sealed class IntuneApi(IntuneStore store) : IGraphApi
{
    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        MapCollection(routes, store.ConfigurationPolicies);
        MapCollection(routes, store.DeviceConfigurations);
        routes.Get("deviceManagement/configurationPolicies/{id}/settings", Settings);
        routes.Get("deviceManagement/deviceConfigurations/{id}/deviceStatuses", request =>
            Collection(request, "deviceStatuses", store.DeviceConfigurations.DeviceStatuses(request["id"])));
    }

    private static void MapCollection(GraphRouteTable routes, IntuneCollection collection)
    {
        var path = $"deviceManagement/{collection.Name}";
        routes.Get(path, request => ODataPage.Respond(request, path, collection.List()))
            .Post(path, request => GraphResponse.Created(WithContext(collection.Create(Body(request)), request, path + "/$entity")))
            .Get(path + "/{id}", request => collection.Get(request["id"]) is { } item
                ? GraphResponse.Ok(Entity.WithContext(item, request, path + "/$entity"))
                : GraphResponse.NotFound(request["id"]))
            .Patch(path + "/{id}", request => Updated(request, collection.Update(request["id"], Body(request), replace: false)))
            .Put(path + "/{id}", request => Updated(request, collection.Update(request["id"], Body(request), replace: true)))
            .Delete(path + "/{id}", request => Updated(request, collection.Delete(request["id"])))
            .Post(path + "/{id}/assign", request => Collection(request, "assignments", collection.Assign(request["id"], Assignments(request))))
            .Get(path + "/{id}/assignments", request => Collection(request, "assignments", collection.Assignments(request["id"])));
    }

    private GraphResponse Settings(GraphRequest request) => store.ConfigurationPolicies.Get(request["id"]) is { } policy
        ? Collection(request, "settings", (policy["settings"] as JsonArray ?? [])
            .Select((setting, index) => WithId(setting as JsonObject ?? [], index)).ToList())
        : GraphResponse.NotFound(request["id"]);

    private static GraphResponse Collection(GraphRequest request, string segment, IReadOnlyList<JsonObject>? items) => items is null
        ? GraphResponse.NotFound(request["id"])
        : ODataPage.Respond(request, $"{request.Path.Split('/')[1]}('{request["id"]}')/{segment}", items);

    private static GraphResponse Updated(GraphRequest request, bool found) =>
        found ? GraphResponse.NoContent() : GraphResponse.NotFound(request["id"]);

    private static JsonObject Body(GraphRequest request) => request.Body as JsonObject
        ?? throw new GraphQueryException("A JSON object body is required.", "Request_BadRequest");

    private static IEnumerable<JsonObject> Assignments(GraphRequest request) =>
        (Body(request)["assignments"] as JsonArray ?? throw new GraphQueryException("Property 'assignments' is required.", "Request_BadRequest"))
        .OfType<JsonObject>();

    private static JsonObject WithContext(JsonObject item, GraphRequest request, string context)
    {
        item["@odata.context"] = request.Context(context);
        return item;
    }

    private static JsonObject WithId(JsonObject setting, int index)
    {
        var copy = (JsonObject)setting.DeepClone();
        copy["id"] ??= index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return copy;
    }
}
