using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Intune.Catalog;

namespace Whfb.Simulator.Graph;

/// <summary>
/// deviceManagement/configurationPolicies and deviceConfigurations: create, get, list, update (PATCH/PUT),
/// delete, /assign, /assignments, plus /settings (settings catalog) and /deviceStatuses (device configurations). A
/// settings-catalog body whose settings the catalog does not know is refused with Intune's 400, as a real tenant does.
/// </summary>
public sealed class IntuneApi(IntuneStore store, SettingCatalog catalog) : IGraphApi
{
    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        MapCollection(routes, store.ConfigurationPolicies, body => PolicySettingsCheck.Problem(body, catalog));
        MapCollection(routes, store.DeviceConfigurations, _ => null);
        routes.Get("deviceManagement/configurationPolicies/{id}/settings", Settings);
        routes.Get("deviceManagement/deviceConfigurations/{id}/deviceStatuses", request =>
            Collection(request, "deviceStatuses", store.DeviceConfigurations.DeviceStatuses(request["id"])));
    }

    private static void MapCollection(GraphRouteTable routes, IntuneCollection collection, Func<JsonObject, string?> problem)
    {
        var path = $"deviceManagement/{collection.Name}";
        routes.Get(path, request => ODataPage.Respond(request, path, collection.List()))
            .Post(path, request => Checked(request, problem, body => GraphResponse.Created(WithContext(collection.Create(body), request, path + "/$entity"))))
            .Get(path + "/{id}", request => collection.Get(request["id"]) is { } item
                ? GraphResponse.Ok(Entity.WithContext(item, request, path + "/$entity"))
                : GraphResponse.NotFound(request["id"]))
            .Patch(path + "/{id}", request => Checked(request, problem, body => Updated(request, collection.Update(request["id"], body, replace: false))))
            .Put(path + "/{id}", request => Checked(request, problem, body => Updated(request, collection.Update(request["id"], body, replace: true))))
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

    /// <summary>The write, when the body passes the collection's check; otherwise Intune's 400 naming the problem.</summary>
    private static GraphResponse Checked(GraphRequest request, Func<JsonObject, string?> problem, Func<JsonObject, GraphResponse> write)
    {
        var body = Body(request);
        return problem(body) is { } message ? IntuneErrors.BadRequest(message, request) : write(body);
    }

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
