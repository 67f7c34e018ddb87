using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>users (list with $top/$select/$filter, single by id or UPN); delta lives in <see cref="UsersDeltaApi"/>.</summary>
public sealed class UsersApi(TenantDirectory directory) : IGraphApi
{
    public void Map(GraphRouteTable routes) =>
        routes.EntitySet("users", () => directory.Users().Select(u => u.ToGraph()), id => directory.FindUser(id)?.ToGraph());
}
