using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>
/// organization (a collection of the one tenant) and organization/{id} (organization-get): the tenant's
/// <c>onPremisesSyncEnabled</c> and <c>onPremisesLastSyncDateTime</c> as Entra Connect leaves them.
/// </summary>
public sealed class OrganizationApi(IOptions<GraphEmulatorOptions> options, DirectorySyncStatus sync) : IGraphApi
{
    public void Map(GraphRouteTable routes) =>
        routes.EntitySet("organization", () => [Organization()],
            id => string.Equals(id, options.Value.TenantId, StringComparison.OrdinalIgnoreCase) ? Organization() : null);

    private JsonObject Organization() => new()
    {
        ["@odata.type"] = "#microsoft.graph.organization",
        ["id"] = options.Value.TenantId,
        ["displayName"] = "WhfbPlatform emulated tenant",
        ["tenantType"] = "AAD",
        ["onPremisesSyncEnabled"] = sync.Enabled,
        ["onPremisesLastSyncDateTime"] = sync.LastSync?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };
}
