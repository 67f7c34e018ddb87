using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Intune.Catalog;

namespace Whfb.Simulator.Graph;

/// <summary>
/// deviceManagement/configurationSettings (beta): the settings catalog's definitions, listed (filterable on
/// <c>categoryId</c> and <c>applicability/platform</c> / <c>applicability/technologies</c> with <c>has</c>, as the
/// resource page says) and read one by one by id, <c>{tenantid}</c> included.
/// </summary>
public sealed class SettingDefinitionsApi(SettingCatalog catalog) : IGraphApi
{
    public void Map(GraphRouteTable routes) =>
        routes.EntitySet("deviceManagement/configurationSettings", () => catalog.All.Select(d => d.ToGraph()), id => catalog.Find(id)?.ToGraph());
}
