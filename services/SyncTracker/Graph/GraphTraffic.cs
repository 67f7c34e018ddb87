using System.Diagnostics.Metrics;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Graph HTTP requests SyncTracker sent (a $batch counts once) and answers that were throttled (whole requests or
/// batch steps), as counters on the shared "Whfb" meter and as totals for tests and benchmarks.
/// </summary>
public sealed class GraphTraffic
{
    private readonly Counter<long> _requests = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.synctracker.graph.requests", "{request}", "Microsoft Graph HTTP requests sent by the inventory ($batch counts once)");
    private readonly Counter<long> _throttled = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.synctracker.graph.throttled", "{response}", "Graph answers with status 429 (whole requests or $batch steps)");
    private long _requestTotal;
    private long _throttledTotal;
    private long _batchTotal;

    public long Requests => Interlocked.Read(ref _requestTotal);

    public long Throttled => Interlocked.Read(ref _throttledTotal);

    public long Batches => Interlocked.Read(ref _batchTotal);

    public void Sent(string kind)
    {
        Interlocked.Increment(ref _requestTotal);
        if (kind == "batch")
        {
            Interlocked.Increment(ref _batchTotal);
        }

        _requests.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void WasThrottled(string kind)
    {
        Interlocked.Increment(ref _throttledTotal);
        _throttled.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }
}
