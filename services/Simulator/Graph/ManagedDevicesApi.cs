using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>
/// Intune's managed devices: <c>deviceManagement/managedDevices</c> (list, filtered as Intune allows, and single) and
/// <c>users/{id}/managedDevices</c> (the devices whose primary user the user is).
/// </summary>
public sealed class ManagedDevicesApi(IntuneStore intune, TenantDirectory directory) : IGraphApi
{
    private const string Set = "deviceManagement/managedDevices";

    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Get(Set, request => List(request, Set, intune.ManagedDevices.All()))
            .Get(Set + "/{id}", request => intune.ManagedDevices.Find(request["id"]) is { } device
                ? GraphResponse.Ok(Entity.WithContext(device.ToGraph(), request, Set + "/$entity"))
                : GraphResponse.NotFound(request["id"]))
            .Get("users/{id}/managedDevices", request => directory.FindUser(request["id"]) is { } user
                ? List(request, $"users('{user.Id}')/managedDevices", intune.ManagedDevices.OfUser(user.Id))
                : GraphResponse.NotFound(request["id"]));
    }

    private static GraphResponse List(GraphRequest request, string context, IEnumerable<ManagedDevice> devices)
    {
        ManagedDeviceFilter.Check(request);
        return ODataPage.Respond(request, context, devices.Select(d => d.ToGraph()));
    }
}
