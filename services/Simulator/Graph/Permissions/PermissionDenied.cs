using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.Permissions;

/// <summary>Graph's 403 for a token whose roles admit no route permission, worded as the route's workload words it.</summary>
public static class PermissionDenied
{
    public static GraphResponse Response(RoutePermission permission, GraphRequest request)
    {
        ArgumentNullException.ThrowIfNull(permission);
        ArgumentNullException.ThrowIfNull(request);
        return permission.Style switch
        {
            DeniedStyle.Reports => GraphErrors.Response(403, "Authentication_MSGraphPermissionMissing",
                $"Calling principal does not have required MSGraph permissions {permission.AnyOf[0]}"),
            DeniedStyle.Intune => GraphErrors.Response(403, "Forbidden", IntuneMessage(permission, request)),
            // A route no application permission opens answers an app-only token as a directory route without its permission.
            DeniedStyle.NotSupportedForApps => GraphErrors.Response(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
            _ => GraphErrors.Response(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
        };
    }

    /// <summary>The licence the tenant lacks: identity reports (userRegistrationDetails) need Microsoft Entra ID P1 or P2.</summary>
    public static GraphResponse NotPremium() => GraphErrors.Response(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
        "Neither tenant is B2C or tenant doesn't have premium license");

    private static string IntuneMessage(RoutePermission permission, GraphRequest request) => IntuneErrors.Envelope(
        $"Application is not authorized to perform this operation. Application must have one of the following scopes: {string.Join(", ", permission.AnyOf)}",
        request);
}
