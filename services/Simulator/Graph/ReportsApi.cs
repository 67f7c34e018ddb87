using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph.Permissions;
using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>
/// reports/authenticationMethods/userRegistrationDetails, filterable with
/// <c>methodsRegistered/any(m:m eq 'windowsHelloForBusiness')</c>; drawn from the small reports budget; a tenant without
/// Microsoft Entra ID P1/P2 gets Graph's 403 (<see cref="GraphEmulatorOptions.PremiumLicence"/>).
/// </summary>
public sealed class ReportsApi(TenantDirectory directory, HelloMethodStore methods, IOptions<GraphEmulatorOptions> options) : IGraphApi
{
    private const string Path = "reports/authenticationMethods/userRegistrationDetails";

    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Get(Path, List, ThrottleBucket.Reports).Get(Path + "/{id}", Get, ThrottleBucket.Reports);
    }

    private GraphResponse List(GraphRequest request) => !options.Value.PremiumLicence ? PermissionDenied.NotPremium() :
        ODataPage.Respond(request, "reports/authenticationMethods/userRegistrationDetails", directory.Users().Select(Details));

    private GraphResponse Get(GraphRequest request) => !options.Value.PremiumLicence ? PermissionDenied.NotPremium() : directory.FindUser(request["id"]) is { } user
        ? GraphResponse.Ok(Entity.WithContext(Details(user), request, "reports/authenticationMethods/userRegistrationDetails/$entity"))
        : GraphResponse.NotFound(request["id"]);

    private JsonObject Details(TenantUser user)
    {
        var registered = methods.ForUser(user.Id).Count > 0;
        return new JsonObject
        {
            ["id"] = user.Id,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["userDisplayName"] = user.DisplayName,
            ["userType"] = "member",
            ["isAdmin"] = false,
            ["isMfaCapable"] = registered,
            ["isMfaRegistered"] = registered,
            ["isPasswordlessCapable"] = registered,
            ["isSsprCapable"] = false,
            ["isSsprEnabled"] = false,
            ["isSsprRegistered"] = false,
            ["defaultMfaMethod"] = registered ? "windowsHelloForBusiness" : "none",
            ["methodsRegistered"] = registered ? new JsonArray("windowsHelloForBusiness") : new JsonArray(),
        };
    }
}
