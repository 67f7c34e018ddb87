using System.Diagnostics;

namespace Whfb.Simulator.Fleet;

/// <summary>Where the fleet posts (Ingest when configured), its devices' enrollment, and how the summary describes it.</summary>
internal static class FleetSinks
{
    private const int EnrollConcurrency = 8;

    public static (IDeviceReportSink Sink, HttpClient? Http) Create(FleetOptions options)
    {
        if (options is { IngestUrl: { } url, CollectorKey: { Length: > 0 } key })
        {
            // No resilience handler: the sink plays the collector, whose own retries after 429/503 (Retry-After) are
            // what the simulation exercises and counts (IngestReportSink.Retried); a handler would hide them.
            var http = new HttpClient { BaseAddress = url };
            return (new IngestReportSink(http, key), http);
        }

        return (new CountingReportSink(), null);
    }

    /// <summary>
    /// Every device enrolls before the rollout, as collectors deployed ahead of it would have, so that the reports of a
    /// ring do not wait for enrollments; what it took, for the status, or null without Ingest.
    /// </summary>
    public static async Task<string?> EnrollAsync(IDeviceReportSink sink, IReadOnlyList<FleetDevice> devices, CancellationToken cancellationToken)
    {
        if (sink is not IngestReportSink ingest)
            return null;
        var clock = Stopwatch.StartNew();
        await ingest.EnrollAllAsync(devices.Select(d => (d.Device.DeviceId, d.Device.DisplayName)), EnrollConcurrency, cancellationToken);
        return $"{ingest.Enrolled} of {devices.Count} devices enrolled with the tenant's enrollment key in {clock.Elapsed.TotalSeconds:F1} s " +
            $"({EnrollConcurrency} at a time); each posts with its own device key";
    }

    public static string Describe(IDeviceReportSink sink) => sink switch
    {
        IngestReportSink ingest => $"{ingest.Enrolled} devices enrolled, {ingest.Accepted} posts accepted by Ingest with their device keys ({ingest.Retried} retries after 429/503), " +
            $"{ingest.Refused} refused{(ingest.LastRefusal is { } r ? $" (last: {r})" : "")}",
        CountingReportSink counting => $"{counting.Posts} posts counted (no Ingest configured: set Simulator__Fleet__IngestUrl and __CollectorKey)",
        _ => "",
    };
}
