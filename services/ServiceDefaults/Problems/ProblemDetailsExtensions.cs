using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Whfb.ServiceDefaults.Problems;

/// <summary>RFC 7807 problem details for every error answer, with the trace id to quote in a ticket.</summary>
public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddWhfbProblemDetails(this IServiceCollection services)
    {
        // Binding failures are thrown (in every environment) so that BadRequestProblems answers them naming the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();
        return services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] =
                System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });
    }
}
