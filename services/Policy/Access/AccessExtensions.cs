using Microsoft.Extensions.DependencyInjection.Extensions;
using Whfb.GraphClient.Access;
using Whfb.Policy.Intune;
using Whfb.ServiceDefaults.Health;

namespace Whfb.Policy.Access;

public static class AccessExtensions
{
    /// <summary>
    /// Graph's refusals as Policy's state: one <see cref="GraphAccessState"/>, the observer that stores and announces
    /// episodes, their resumption at start, and the readiness check that names what to grant.
    /// </summary>
    public static IServiceCollection AddGraphAccess(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GraphAccessState>();
        services.AddSingleton<IGraphAccessObserver, GraphAccessRecorder>();
        services.AddScoped<GraphAccessEpisodes>();
        services.AddHostedService<GraphAccessResumption>();
        // Its data is written for operators (feature, permission, Graph's code), so readiness shows it.
        services.AddHealthChecks().AddCheck<GraphAccessHealthCheck>("graph-access", tags: [HealthEndpoints.ReadyTag, HealthEndpoints.DetailsTag]);
        return services;
    }
}
