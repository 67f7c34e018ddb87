using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph;

namespace Whfb.Simulator.Hosting;

/// <summary>/admin/*: what operators of the simulator (tests, demo script) read: the certificate, the tenant id.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/certificate", (EmulatorCertificate certificate) => Results.Text(certificate.Pem, "application/x-pem-file"));
        admin.MapGet("/tenant", (IOptions<GraphEmulatorOptions> options, EmulatorCertificate certificate) =>
            Results.Ok(new { tenantId = options.Value.TenantId, certificateThumbprint = certificate.Thumbprint }));
        admin.MapGet("/fleet", (Whfb.Simulator.Fleet.FleetStatus status) => Results.Ok(status));
        return app;
    }
}
