using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// The directory in <c>/health/ready</c>: Degraded (not Unhealthy) when a DC or all of them cannot be used, since the
/// service's API and Graph inventory still work and must keep their traffic; the description names the DCs and since when.
/// </summary>
internal sealed class DirectoryHealthCheck(DirectoryHealth health, IOptions<AdScanOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("AD scanning is off"));
        }

        var now = health.Current();
        var failing = string.Join("; ", now.Failing.Select(f => $"{f.Server} unreachable since {Time(f.Since)}: {f.Error}"));
        var result = (now.Answering, now.UnreachableSince) switch
        {
            (null, { } since) => HealthCheckResult.Degraded(
                $"directory unreachable since {Time(since)}: {(failing.Length > 0 ? failing : now.LastError)}"),
            (null, null) => HealthCheckResult.Healthy("no scan yet"),
            ({ } server, _) when failing.Length > 0 => HealthCheckResult.Degraded($"scanning {server} (last scan {Time(now.LastScanAt)}); {failing}"),
            ({ } server, _) => HealthCheckResult.Healthy($"scanning {server}, last scan {Time(now.LastScanAt)}"),
        };
        return Task.FromResult(result);
    }

    private static string Time(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture) ?? "never";
}
