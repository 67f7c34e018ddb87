using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Permissions;
using Whfb.Simulator.Graph.Reports;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph;

/// <summary>
/// reports/authenticationMethods/userRegistrationDetails, filterable with
/// <c>methodsRegistered/any(m:m eq 'windowsHelloForBusiness')</c>, served from the periodic <see cref="RegistrationSnapshot"/>;
/// drawn from the small reports budget; a tenant without Microsoft Entra ID P1/P2 gets Graph's 403
/// (<see cref="GraphEmulatorOptions.PremiumLicence"/>).
/// </summary>
public sealed class ReportsApi(RegistrationSnapshot snapshot, IOptions<GraphEmulatorOptions> options) : IGraphApi
{
    private const string Path = "reports/authenticationMethods/userRegistrationDetails";

    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Get(Path, List, ThrottleBucket.Reports).Get(Path + "/{id}", Get, ThrottleBucket.Reports);
    }

    private GraphResponse List(GraphRequest request) => !options.Value.PremiumLicence ? PermissionDenied.NotPremium() :
        ODataPage.Respond(request, Path, snapshot.Rows());

    private GraphResponse Get(GraphRequest request) => !options.Value.PremiumLicence ? PermissionDenied.NotPremium()
        : snapshot.Rows().FirstOrDefault(r => string.Equals(r["id"]!.GetValue<string>(), request["id"], StringComparison.OrdinalIgnoreCase)) is { } row
            ? GraphResponse.Ok(Entity.WithContext(row, request, Path + "/$entity"))
            : GraphResponse.NotFound(request["id"]);
}
