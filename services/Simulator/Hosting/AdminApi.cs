using Microsoft.Extensions.Options;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Graph;
using Whfb.Simulator.Graph.Delta;
using Whfb.Simulator.Identity;

namespace Whfb.Simulator.Hosting;

/// <summary>
/// /admin/*: what operators of the simulator (tests, demo script) read: the certificate, the tenant and its ring groups, the
/// fleet; an app's consented Graph permissions, which they may change (new tokens carry the change); and a users/delta
/// synchronization reset (every earlier delta token answers 410).
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/certificate", (EmulatorCertificate certificate) => Results.Text(certificate.Pem, "application/x-pem-file"));
        admin.MapGet("/tenant", (IOptions<GraphEmulatorOptions> options, EmulatorCertificate certificate, FleetStatus fleet) =>
            Results.Ok(new { tenantId = options.Value.TenantId, certificateThumbprint = certificate.Thumbprint, scenario = fleet.Scenario, rings = fleet.Rings }));
        admin.MapGet("/apps/{clientId}/permissions", (string clientId, EmulatedApps apps) => apps.Find(clientId) is null
            ? Results.NotFound() : Results.Ok(apps.Roles(clientId).Order(StringComparer.Ordinal)));
        admin.MapPut("/apps/{clientId}/permissions", (string clientId, string[] permissions, EmulatedApps apps) =>
        {
            if (apps.Find(clientId) is null)
            {
                return Results.NotFound();
            }

            apps.Consent(clientId, permissions);
            return Results.NoContent();
        });
        admin.MapPost("/graph/users-delta/reset", (DeltaTokens tokens) =>
        {
            tokens.Reset();
            return Results.NoContent();
        });
        admin.MapGet("/fleet", (FleetStatus status) => Results.Ok(status));
        admin.MapPost("/fleet/start", (FleetStatus status) => status.State switch
        {
            "idle" => Results.Problem("No scenario is configured (Simulator:Fleet:Scenario)", statusCode: StatusCodes.Status409Conflict),
            "failed" => Results.Problem(status.Error, statusCode: StatusCodes.Status409Conflict),
            _ => status.Start() ? Results.Accepted("/admin/fleet", status) : Results.Problem("The fleet was already started", statusCode: StatusCodes.Status409Conflict),
        });
        return app;
    }
}
