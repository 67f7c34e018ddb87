using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Whfb.ServiceDefaults.Health;

public static class HealthEndpoints
{
    /// <summary>Tag of the checks that must pass before a service takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag of the checks whose data /health/ready shows (operator-facing details, no addresses or secrets).</summary>
    public const string DetailsTag = "details";

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Liveness: the process answers; no dependency is checked, so a broker outage never restarts us.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
