using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>
/// users/{id}/authentication/windowsHelloForBusinessMethods: list, single (with $expand=device), delete. As on Microsoft
/// Graph, only the single GET returns the device ("returned only on a single GET and when you specify ?$expand"): the list
/// supports no optional query parameters, so its $expand is ignored and it never carries the device. Under the strict
/// profile its calls draw from the identity and access reports budget (throttling-limits lists authenticationMethod there).
/// </summary>
public sealed class MethodsApi(TenantDirectory directory, HelloMethodStore methods, IOptions<GraphEmulatorOptions> options) : IGraphApi
{
    private const string Path = "users/{id}/authentication/windowsHelloForBusinessMethods";

    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var bucket = options.Value.Profile == GraphProfile.Strict ? ThrottleBucket.Reports : ThrottleBucket.Default;
        routes.Get(Path, List, bucket).Get(Path + "/{methodId}", Get, bucket)
            .Add("DELETE", Path + "/{methodId}", Delete, bucket);
    }

    private GraphResponse List(GraphRequest request)
    {
        if (directory.FindUser(request["id"]) is not { } user)
        {
            return GraphResponse.NotFound(request["id"]);
        }

        // $expand=device on the list is ignored (no device in the answer), as Graph does.
        return ODataPage.Respond(request, $"users('{user.Id}')/authentication/windowsHelloForBusinessMethods",
            methods.ForUser(user.Id).Select(m => m.ToGraph()));
    }

    private GraphResponse Get(GraphRequest request)
    {
        if (directory.FindUser(request["id"]) is not { } user || methods.Find(user.Id, request["methodId"]) is not { } method)
        {
            return GraphResponse.NotFound(request["methodId"]);
        }

        var device = ExpandsDevice(request) ? DeviceOf(method) : null;
        var context = $"users('{user.Id}')/authentication/windowsHelloForBusinessMethods/$entity";
        return GraphResponse.Ok(Entity.WithContext(method.ToGraph(device), request, context));
    }

    /// <summary>$expand=device on the single GET (the only navigation of the method); anything else is Graph's 400.</summary>
    private static bool ExpandsDevice(GraphRequest request)
    {
        var expand = request.QueryValue("$expand");
        return expand is null ? false
            : string.Equals(expand, "device", StringComparison.OrdinalIgnoreCase) ? true
            : throw new GraphQueryException($"Could not find a property named '{expand}' on type 'microsoft.graph.windowsHelloForBusinessAuthenticationMethod'.");
    }

    private JsonObject? DeviceOf(HelloMethod method) =>
        method.DeviceObjectId is null ? null : directory.FindDevice(method.DeviceObjectId)?.ToGraph();

    private GraphResponse Delete(GraphRequest request) =>
        directory.FindUser(request["id"]) is { } user && methods.Delete(user.Id, request["methodId"])
            ? GraphResponse.NoContent()
            : GraphResponse.NotFound(request["methodId"]);
}
