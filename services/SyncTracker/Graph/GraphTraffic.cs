using System.Diagnostics.Metrics;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Graph HTTP requests SyncTracker sent (a $batch counts once) and answers that were throttled (whole requests or
/// batch steps), as counters on the shared "Whfb" meter, as totals for tests and benchmarks, and over the last minutes
/// for the inventory's freshness (<see cref="Recent"/>).
/// </summary>
public sealed class GraphTraffic(TimeProvider time)
{
    private readonly RecentCounts _recent = new(time, InventoryFreshness.RecentWindow);

    private readonly Counter<long> _requests = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.synctracker.graph.requests", "{request}", "Microsoft Graph HTTP requests sent by the inventory ($batch counts once)");
    private readonly Counter<long> _throttled = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.synctracker.graph.throttled", "{response}", "Graph answers with status 429 (whole requests or $batch steps)");
    private readonly Counter<long> _lookups = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.synctracker.graph.device_lookups", "{request}", "Single GETs of a WHfB method with $expand=device, sent as steps of lookup $batch requests");
    private readonly Counter<long> _restarts = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.synctracker.graph.delta_restarts", "{round}", "Users delta rounds started over because Graph refused the stored link (410, 400-class)");
    private long _restartTotal;
    private long _requestTotal;
    private long _throttledTotal;
    private long _batchTotal;
    private long _lookupTotal;

    public long Requests => Interlocked.Read(ref _requestTotal);

    /// <summary>Requests sent and answers throttled in the last <see cref="InventoryFreshness.RecentWindow"/>.</summary>
    public (long Requests, long Throttled) Recent => _recent.Sum();

    public long Throttled => Interlocked.Read(ref _throttledTotal);

    /// <summary>Listing $batch requests.</summary>
    public long Batches => Interlocked.Read(ref _batchTotal);

    /// <summary>Single GETs asked for a key's device (steps of "lookup" $batch requests, retries included).</summary>
    public long DeviceLookups => Interlocked.Read(ref _lookupTotal);

    /// <summary>Users delta rounds started over because Graph refused the stored link.</summary>
    public long DeltaRestarts => Interlocked.Read(ref _restartTotal);

    public void DeltaRestarted()
    {
        Interlocked.Increment(ref _restartTotal);
        _restarts.Add(1);
    }

    /// <summary>One HTTP request of that kind; for a $batch, <paramref name="steps"/> is its step count.</summary>
    public void Sent(string kind, int steps = 1)
    {
        Interlocked.Increment(ref _requestTotal);
        _recent.Add(1, 0);
        if (kind == "batch")
        {
            Interlocked.Increment(ref _batchTotal);
        }
        else if (kind == "lookup")
        {
            Interlocked.Add(ref _lookupTotal, steps);
            _lookups.Add(steps);
        }

        _requests.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void WasThrottled(string kind)
    {
        Interlocked.Increment(ref _throttledTotal);
        _recent.Add(0, 1);
        _throttled.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }
}
