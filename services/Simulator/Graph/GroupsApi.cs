using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Permissions;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>groups: list, get, create, members (+ $ref to add), transitiveMembers (nested groups expanded).</summary>
public sealed class GroupsApi(TenantDirectory directory) : IGraphApi
{
    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.EntitySet("groups", () => directory.Groups().Select(g => g.ToGraph()), id => directory.FindGroup(id)?.ToGraph())
            .Post("groups", Create)
            .Get("groups/{id}/members", request => Members(request, "members", directory.DirectMembers))
            .Post("groups/{id}/members/$ref", AddMember)
            .Get("groups/{id}/transitiveMembers", request => Members(request, "transitiveMembers", directory.TransitiveMembers));
    }

    private GraphResponse Create(GraphRequest request)
    {
        var name = request.Body?["displayName"]?.GetValue<string>()
            ?? throw new GraphQueryException("Property 'displayName' is required.", "Request_BadRequest");
        var group = directory.PutGroup(new TenantGroup { Id = Guid.NewGuid().ToString(), DisplayName = name });
        var body = group.ToGraph();
        body["@odata.context"] = request.Context("groups/$entity");
        return GraphResponse.Created(body);
    }

    private GraphResponse AddMember(GraphRequest request)
    {
        var reference = request.Body?["@odata.id"]?.GetValue<string>()
            ?? throw new GraphQueryException("Property '@odata.id' is required.", "Request_BadRequest");
        var memberId = reference.TrimEnd('/').Split('/')[^1];
        return directory.AddMembers(request["id"], memberId) ? GraphResponse.NoContent() : GraphResponse.NotFound(request["id"]);
    }

    private GraphResponse Members(GraphRequest request, string segment, Func<string, IReadOnlyList<string>> members)
    {
        if (directory.FindGroup(request["id"]) is null)
        {
            return GraphResponse.NotFound(request["id"]);
        }

        var objects = members(request["id"]).Select(id => Resolve(id, request)).OfType<JsonObject>();
        return ODataPage.Respond(request, $"groups('{request["id"]}')/{segment}", objects);
    }

    /// <summary>
    /// A member as the caller may see it: an app without the read permission of the member's type gets only its
    /// <c>@odata.type</c> and <c>id</c>, and no error ("Limited information returned for inaccessible member objects").
    /// </summary>
    private JsonObject? Resolve(string id, GraphRequest request) =>
        directory.FindUser(id) is { } user ? Visible(WithType(user.ToGraph(), "#microsoft.graph.user"), request.HasAny(ApplicationPermissions.ReadUsers))
        : directory.FindDevice(id) is { } device ? Visible(device.ToGraph(), request.HasAny(ApplicationPermissions.ReadDevices))
        : directory.FindGroup(id)?.ToGraph();

    private static JsonObject Visible(JsonObject item, bool readable) => readable
        ? item
        : new JsonObject { ["@odata.type"] = item["@odata.type"]?.DeepClone(), ["id"] = item["id"]?.DeepClone() };

    private static JsonObject WithType(JsonObject item, string type)
    {
        var typed = new JsonObject { ["@odata.type"] = type };
        foreach (var (key, value) in item)
        {
            typed[key] = value?.DeepClone();
        }

        return typed;
    }
}
