using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>devices (list with $filter e.g. by deviceId, single by object id).</summary>
public sealed class DevicesApi(TenantDirectory directory) : IGraphApi
{
    public void Map(GraphRouteTable routes) =>
        routes.EntitySet("devices", () => directory.Devices().Select(d => d.ToGraph()), id => directory.FindDevice(id)?.ToGraph());
}
