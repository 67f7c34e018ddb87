using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Whfb.Contracts.Health;
using Whfb.GraphClient.Access;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.SyncTracker.Graph.Access;

/// <summary>
/// SyncTracker's Graph features as Graph allows them. A refusal for a missing permission or licence opens one episode per
/// feature (<see cref="GraphAccessState"/>): the feature stops, its episode is stored and announced once
/// (<see cref="GraphPermissionMissing"/> through the outbox), and it is tried again only every
/// <see cref="GraphInventoryOptions.AccessProbeInterval"/>; the first probe that succeeds closes the episode
/// (<see cref="GraphPermissionRestored"/>). Episodes survive a restart (<see cref="ResumeAsync"/>).
/// </summary>
public sealed partial class GraphAccessGate(
    GraphAccessState state, GraphAccessStore store, IOptions<GraphInventoryOptions> options, TimeProvider time, ILogger<GraphAccessGate> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextProbe = new(StringComparer.Ordinal);

    // One series per feature: 1 while Graph refuses it, 0 otherwise (an alert rule needs the zeros to see it end).
    private readonly ObservableGauge<int> _denied = WhfbTelemetry.Meter.CreateObservableGauge("whfb.synctracker.graph.denied",
        () => Features.Select(f => new Measurement<int>(state.IsDenied(f) ? 1 : 0, new KeyValuePair<string, object?>("feature", f.Name))),
        "{feature}", "SyncTracker's Graph features refused for a missing permission or licence (1 while refused)");

    public static IReadOnlyList<GraphFeature> Features { get; } = [.. GraphFeatures.Of(GraphFeatures.SyncTracker)];

    public IReadOnlyList<MissingAccess> Missing => state.Missing;

    /// <summary>True when the feature may be used now: it is allowed, or denied and its next probe is due (which this consumes).</summary>
    public bool ShouldTry(GraphFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (!state.IsDenied(feature))
        {
            return true;
        }

        var now = time.GetUtcNow();
        if (now < _nextProbe.GetValueOrDefault(feature.Name))
        {
            return false;
        }

        _nextProbe[feature.Name] = now + options.Value.AccessProbeInterval;
        LogProbe(logger, feature.Name);
        return true;
    }

    public bool IsDenied(GraphFeature feature) => state.IsDenied(feature);

    public async Task DeniedAsync(GraphFeature feature, GraphDenial denial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(denial);
        _nextProbe[feature.Name] = time.GetUtcNow() + options.Value.AccessProbeInterval;
        if (state.Denied(feature, denial) is not { } change)
        {
            return;
        }

        try
        {
            await store.OpenAsync(change.Missing, cancellationToken);
        }
        catch
        {
            // Not stored, not announced: the next refusal opens the episode again.
            state.Allowed(feature);
            throw;
        }

        LogDenied(logger, feature.Name, string.Join(" or ", change.Missing.Remedy), denial.Code);
    }

    public async Task AllowedAsync(GraphFeature feature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (state.Allowed(feature) is not { } change)
        {
            return;
        }

        try
        {
            await store.CloseAsync(change, cancellationToken);
        }
        catch
        {
            state.Resume(change.Missing);
            throw;
        }

        LogRestored(logger, feature.Name, change.At - change.Missing.Since);
    }

    /// <summary>Puts back the episodes a previous process left open; each feature is probed at once.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var missing in await store.OpenEpisodesAsync(Features, cancellationToken))
        {
            state.Resume(missing);
            _nextProbe[missing.Feature.Name] = DateTimeOffset.MinValue;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refuses {Feature}: grant {Remedy} (Graph said {Code}); the feature is probed again later, nothing is retried meanwhile")]
    private static partial void LogDenied(ILogger logger, string feature, string remedy, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph allows {Feature} again after {Duration}")]
    private static partial void LogRestored(ILogger logger, string feature, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Probing whether Graph allows {Feature} again")]
    private static partial void LogProbe(ILogger logger, string feature);
}
