using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// <see cref="DirectoryHealth"/> as metrics, for the "directory unreachable" and "AD scan age" alerts of
/// deploy/observability: /health/ready tells a person, an alert rule needs numbers. Only the replica holding the AD
/// scan lease scans, so the others report nothing instead of a "never scanned" that would look like an outage.
/// </summary>
public sealed class DirectoryMetrics : IHostedService
{
    public const string Reachable = "whfb.synctracker.directory.reachable";
    public const string ScanAge = "whfb.synctracker.directory.scan.age";

    public DirectoryMetrics(DirectoryHealth health, TimeProvider time, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(WhfbTelemetry.MeterName);
        meter.CreateObservableGauge(Reachable, () => ReachableNow(health.Current()),
            description: "1 while a domain controller answered the last AD scan, 0 once a scan found none answering");
        meter.CreateObservableGauge(ScanAge, () => ScanAgeNow(health.Current(), time.GetUtcNow()), "s",
            "Time since the last AD scan that a domain controller answered");
    }

    // A hosted service only so the host builds it at start, which creates the gauges: there is nothing to run.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IEnumerable<Measurement<int>> ReachableNow(DirectoryHealth.Snapshot snapshot) =>
        snapshot switch
        {
            { Answering: not null } => [new(1)],
            { UnreachableSince: not null } => [new(0)],
            _ => [],
        };

    private static IEnumerable<Measurement<double>> ScanAgeNow(DirectoryHealth.Snapshot snapshot, DateTimeOffset now) =>
        snapshot.LastScanAt is { } at ? [new((now - at).TotalSeconds)] : [];
}

public static class DirectoryMetricsRegistration
{
    public static IServiceCollection AddDirectoryMetrics(this IServiceCollection services) =>
        services.AddHostedService<DirectoryMetrics>();
}
