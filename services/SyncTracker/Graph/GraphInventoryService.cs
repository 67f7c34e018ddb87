using Microsoft.Extensions.Options;
using Whfb.GraphClient;
using Whfb.SyncTracker.Graph.Access;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Runs the Graph inventory of the configured tenant every TickInterval (on <see cref="TimeProvider"/>) with a
/// <see cref="Microsoft.Graph.GraphServiceClient"/> built from the "Graph" section (<see cref="GraphConnectionLoader"/>, checked at
/// start by <see cref="GraphInventoryOptionsValidation"/>). Off unless SyncTracker:Graph:Enabled.
/// </summary>
public sealed partial class GraphInventoryService(
    SyncCoordinator coordinator, IConfiguration configuration, IOptions<GraphInventoryOptions> options, IOptions<SyncTrackerOptions> tracker,
    GraphTraffic traffic, GraphAccessGate access, TimeProvider time, ILogger<GraphInventoryService> logger) : BackgroundService
{
    /// <summary>The running inventory (null while off or not started); tests and benchmarks read its progress.</summary>
    public GraphInventory? Inventory { get; private set; }

    /// <summary>How current the inventory is, with Graph's recent traffic and the features it refuses; null while off or not started.</summary>
    public InventoryFreshness? Freshness => Inventory?.Freshness is { } freshness
        ? freshness with
        {
            RequestsLast10Min = traffic.Recent.Requests, ThrottledLast10Min = traffic.Recent.Throttled,
            DeniedFeatures = [.. access.Missing.Select(m => m.ToString())],
        }
        : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        var tenantId = tracker.Value.TenantId;
        var connection = settings.Enabled && GraphConnectionLoader.IsConfigured(configuration) ? GraphConnectionLoader.Load(configuration) : null;
        if (!settings.Enabled || tenantId == Guid.Empty || connection is null)
        {
            LogDisabled(logger);
            return;
        }

        var client = GraphServiceClientFactory.Create(connection);
        var gateway = new GraphGateway(client, new GraphPacer(settings, time), traffic, settings, time);
        await access.ResumeAsync(stoppingToken);
        Inventory = new GraphInventory(coordinator, gateway, access, settings, tenantId, time, logger);
        LogStarted(logger, connection.BaseUrl);
        using var timer = new PeriodicTimer(settings.TickInterval, time);
        do
        {
            try
            {
                await Inventory.RunDueAsync(stoppingToken);
            }
            catch (GraphThrottledException e)
            {
                LogThrottled(logger, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph inventory is off (SyncTracker:Graph:Enabled, SyncTracker:TenantId and the Graph section are needed)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph inventory against {BaseUrl}")]
    private static partial void LogStarted(ILogger logger, Uri baseUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph inventory paused by throttling ({Reason}); the rest follows at the next tick")]
    private static partial void LogThrottled(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph inventory pass failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
