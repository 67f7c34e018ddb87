using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Whfb.Contracts.Keys;
using Whfb.ServiceDefaults.Telemetry;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tracking;

/// <summary>
/// Keys awaiting sync and keys stuck (gauges, per tenant, as of the last commit) and the sync latency histogram,
/// on the shared "Whfb" meter.
/// </summary>
public sealed class SyncMetrics
{
    private readonly ConcurrentDictionary<Guid, (int Waiting, int Stuck)> _counts = new();
    private readonly Histogram<double> _latency = WhfbTelemetry.Meter.CreateHistogram<double>(
        "whfb.synctracker.sync.latency", "s", "Time from key creation in Entra ID to its value seen in AD");

    public SyncMetrics()
    {
        WhfbTelemetry.Meter.CreateObservableGauge("whfb.synctracker.keys.awaiting",
            () => _counts.Select(c => new Measurement<int>(c.Value.Waiting, Tenant(c.Key))), "{key}", "Keys registered in Entra ID not yet in AD");
        WhfbTelemetry.Meter.CreateObservableGauge("whfb.synctracker.keys.stuck",
            () => _counts.Select(c => new Measurement<int>(c.Value.Stuck, Tenant(c.Key))), "{key}", "Keys waiting longer than the stuck threshold");
    }

    /// <summary>Called (under the coordinator's lock) after each commit.</summary>
    public void Saved(TenantSyncEngine engine, SyncChanges changes)
    {
        _counts[engine.TenantId] = (engine.WaitingCount, engine.StuckCount);
        foreach (var message in changes.Events)
        {
            var latency = message switch
            {
                KeySynced m => m.Latency,
                KeySyncRecovered m => m.Latency,
                _ => (TimeSpan?)null,
            };
            if (latency is { } l)
            {
                _latency.Record(l.TotalSeconds, Tenant(engine.TenantId));
            }
        }
    }

    private static KeyValuePair<string, object?> Tenant(Guid tenantId) => new("tenant", tenantId.ToString());
}
