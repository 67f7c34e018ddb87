using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.ServiceDefaults.Health;
using Whfb.ServiceDefaults.Problems;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.ServiceDefaults;

/// <summary>What every WhfbPlatform service shares: telemetry, health, problem details, time.</summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddWhfbTelemetry(serviceName);
        builder.Services.AddHealthChecks();
        builder.Services.AddWhfbProblemDetails();
        return builder;
    }

    /// <summary>/health/live, /health/ready and /metrics.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}

/// <summary>The short name of the running service ("ingest", "insights", ...).</summary>
public sealed record ServiceIdentity(string Name);
