using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.ServiceDefaults.Health;
using Whfb.ServiceDefaults.Problems;
using Whfb.ServiceDefaults.Security;
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

    /// <summary>
    /// /health/live, /health/ready and /metrics. Metrics name tenants and volumes, so they are not anonymous: with
    /// <c>Management:Port</c> set, /metrics answers only on that port (listen on it too, e.g.
    /// <c>ASPNETCORE_URLS=http://+:8080;http://+:9464</c>, and keep it off the ingress); otherwise it needs an operator
    /// credential (Prometheus: <c>authorization: { type: ApiKey, credentials_file: … }</c>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthEndpoints();
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Configuration.GetValue<int?>("Management:Port") is { } port)
        {
            metrics.RequireHost($"*:{port}");
        }
        else if (app.Services.GetService<IAuthorizationPolicyProvider>() is { } policies
            && policies.GetPolicyAsync(WhfbRoles.OperatorPolicy).GetAwaiter().GetResult() is not null)
        {
            metrics.RequireAuthorization(WhfbRoles.OperatorPolicy);
        }

        return app;
    }
}

/// <summary>The short name of the running service ("ingest", "insights", ...).</summary>
public sealed record ServiceIdentity(string Name);
