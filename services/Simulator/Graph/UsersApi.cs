using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>
/// users (list with $top/$select/$filter, single by id or UPN) and users/{id}/registeredDevices (devices whose
/// registered user it is); delta lives in <see cref="UsersDeltaApi"/>.
/// </summary>
public sealed class UsersApi(TenantDirectory directory) : IGraphApi
{
    public void Map(GraphRouteTable routes) =>
        routes.EntitySet("users", () => directory.Users().Select(u => u.ToGraph()), id => directory.FindUser(id)?.ToGraph())
            .Get("users/{id}/registeredDevices", RegisteredDevices);

    private GraphResponse RegisteredDevices(GraphRequest request) => directory.FindUser(request["id"]) is { } user
        ? ODataPage.Respond(request, $"users('{user.Id}')/registeredDevices", directory.Devices()
            .Where(d => string.Equals(d.RegisteredUserId, user.Id, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.ToGraph()))
        : GraphResponse.NotFound(request["id"]);
}
