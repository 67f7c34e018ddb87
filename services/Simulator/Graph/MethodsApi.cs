using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>users/{id}/authentication/windowsHelloForBusinessMethods: list, single (with $expand=device), delete.</summary>
public sealed class MethodsApi(TenantDirectory directory, HelloMethodStore methods) : IGraphApi
{
    private const string Path = "users/{id}/authentication/windowsHelloForBusinessMethods";

    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Get(Path, List).Get(Path + "/{methodId}", Get).Delete(Path + "/{methodId}", Delete);
    }

    private GraphResponse List(GraphRequest request) => directory.FindUser(request["id"]) is { } user
        ? ODataPage.Respond(request, $"users('{user.Id}')/authentication/windowsHelloForBusinessMethods",
            methods.ForUser(user.Id).Select(m => m.ToGraph()))
        : GraphResponse.NotFound(request["id"]);

    private GraphResponse Get(GraphRequest request)
    {
        if (directory.FindUser(request["id"]) is not { } user || methods.Find(user.Id, request["methodId"]) is not { } method)
        {
            return GraphResponse.NotFound(request["methodId"]);
        }

        var expand = request.QueryValue("$expand");
        if (expand is not null && !string.Equals(expand, "device", StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphQueryException($"Could not find a property named '{expand}' on type 'microsoft.graph.windowsHelloForBusinessAuthenticationMethod'.");
        }

        var device = expand is null || method.DeviceObjectId is null ? null : directory.FindDevice(method.DeviceObjectId)?.ToGraph();
        var context = $"users('{user.Id}')/authentication/windowsHelloForBusinessMethods/$entity";
        return GraphResponse.Ok(Entity.WithContext(method.ToGraph(device), request, context));
    }

    private GraphResponse Delete(GraphRequest request) =>
        directory.FindUser(request["id"]) is { } user && methods.Delete(user.Id, request["methodId"])
            ? GraphResponse.NoContent()
            : GraphResponse.NotFound(request["methodId"]);
}
