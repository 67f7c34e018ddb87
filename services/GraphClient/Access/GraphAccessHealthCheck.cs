using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Whfb.GraphClient.Access;

/// <summary>
/// Degraded (not unhealthy: the service still does everything else) while a Graph feature is denied, with one line per
/// feature saying what to grant. Register it with the readiness tag so <c>/health/ready</c> shows it.
/// </summary>
public sealed class GraphAccessHealthCheck(GraphAccessState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = state.Missing;
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy("Graph allows every feature used so far")
            : HealthCheckResult.Degraded(
                $"Graph refuses {string.Join(", ", missing.Select(m => m.Feature.Name))}: grant the permission and it resumes by itself",
                data: missing.ToDictionary(m => m.Feature.Name, m => (object)m.ToString())));
    }
}
