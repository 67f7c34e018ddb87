using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.ServiceDefaults.Security;

namespace Whfb.ServiceDefaults.OpenApi;

/// <summary>
/// Every service describes its API at <c>/openapi/v1.json</c>. The document lists every route (the tenant-isolation
/// matrix is generated from it), so it is for operators, not anonymous callers.
/// </summary>
public static class OpenApiExtensions
{
    public static IHostApplicationBuilder AddWhfbOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>Maps the document behind the operator policy (call after the service's authentication is added).</summary>
    public static WebApplication MapWhfbOpenApi(this WebApplication app)
    {
        app.MapOpenApi().RequireAuthorization(WhfbRoles.OperatorPolicy);
        return app;
    }
}
