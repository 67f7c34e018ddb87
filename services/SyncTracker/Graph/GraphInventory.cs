using Whfb.GraphClient.Access;
using Whfb.SyncTracker.Graph.Access;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// The Entra side from Graph for one tenant, on a schedule: users delta (anchors) every DeltaInterval; the organization's
/// last sync time every SyncStatusInterval; a full inventory (userRegistrationDetails filtered on WHfB, plus users already
/// holding Entra keys) at start and every SettledRecheckInterval; users with keys waiting for AD every
/// PendingRecheckInterval; users changed in the delta at once. Users owed a listing wait in a <see cref="ListingQueue"/>
/// and are listed most important first (<see cref="MethodPass"/>), each pass for at most MaxPassDuration, so a small
/// throttling budget goes to waiting keys and new users and settled re-checks get what is left. A feature Graph refuses
/// stops alone (<see cref="GraphAccessGate"/>); without the registration report the full inventory lists every user the
/// delta described.
/// </summary>
public sealed partial class GraphInventory(
    SyncCoordinator coordinator, GraphGateway gateway, GraphAccessGate access, GraphInventoryOptions options, Guid tenantId, TimeProvider time, ILogger logger)
{
    private readonly MethodReader _reader = new(new GraphStepBatch(gateway, options, time, logger), gateway, time);
    private readonly UsersDeltaSync _delta = new(coordinator, gateway, tenantId, time, logger);
    private readonly SyncStatusReader _status = new(coordinator, gateway, tenantId);
    private readonly ListingQueue _queue = new();
    private DateTimeOffset? _lastDelta;
    private DateTimeOffset? _lastStatus;
    private DateTimeOffset? _lastFull;
    private DateTimeOffset? _lastPending;
    private volatile InventoryFreshness _freshness = new(false, null, null, 0, 0, 0);

    /// <summary>Users whose listing is still owed, listed first by importance at the next pass.</summary>
    public int CarriedUsers => _freshness.UsersOwed;

    /// <summary>True once a full inventory listed every user it owed.</summary>
    public bool Complete => _freshness.Complete;

    /// <summary>The inventory as of its last $batch (traffic, settled listings and refusals are filled in by the service and the API).</summary>
    public InventoryFreshness Freshness => _freshness;

    /// <summary>Runs whatever is due now; throttling that outlasts the retries leaves the rest for the next pass.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Due(_lastDelta, options.DeltaInterval, now))
        {
            _lastDelta = now;
            await UseAsync(GraphFeatures.UserAnchors, async () => Owe(await _delta.RunAsync(cancellationToken), ListingPriority.New), cancellationToken);
        }

        if (Due(_lastStatus, options.SyncStatusInterval, now))
        {
            _lastStatus = now;
            await UseAsync(GraphFeatures.SyncStatus, () => _status.ReadAsync(cancellationToken), cancellationToken);
        }

        if (Due(_lastFull, options.SettledRecheckInterval, now))
        {
            await StartFullInventoryAsync(cancellationToken);
            (_lastFull, _lastPending) = (now, now);
        }
        else if (Due(_lastPending, options.PendingRecheckInterval, now))
        {
            await OweFromEngineAsync(cancellationToken);
            _lastPending = now;
        }

        if (_queue.Count > 0)
        {
            var pass = new MethodPass(_reader, SaveAsync, options, time, Snapshot);
            await UseAsync(GraphFeatures.KeyInventory, async () =>
            {
                var outcome = await pass.RunAsync(_queue, now + options.MaxPassDuration, cancellationToken);
                return outcome.Denial is { } denial ? throw new GraphDeniedException(denial) : outcome.Listed > 0;
            }, cancellationToken);
        }

        Snapshot();
        LogPass(logger, _queue.Count, _queue.FullRoundOwed);
    }

    private static bool Due(DateTimeOffset? last, TimeSpan interval, DateTimeOffset now) => last is null || now - last >= interval;

    /// <summary>Runs a feature's work if Graph allows it (or its probe is due); its answer closes an open episode, a refusal opens one.</summary>
    private async Task UseAsync(GraphFeature feature, Func<Task<bool>> work, CancellationToken cancellationToken)
    {
        if (!access.ShouldTry(feature))
        {
            return;
        }

        bool answered;
        try
        {
            answered = await work();
        }
        catch (GraphDeniedException e)
        {
            await access.DeniedAsync(feature, e.Denial, cancellationToken);
            return;
        }

        if (answered)
        {
            await access.AllowedAsync(feature, cancellationToken);
        }
    }

    private async Task UseAsync(GraphFeature feature, Func<Task> work, CancellationToken cancellationToken) =>
        await UseAsync(feature, async () =>
        {
            await work();
            return true;
        }, cancellationToken);

    private void Owe(IEnumerable<Guid> users, ListingPriority priority)
    {
        foreach (var user in users)
        {
            _queue.Add(user, priority);
        }
    }

    private void Snapshot()
    {
        var complete = _lastFull is not null && _queue.FullRoundOwed == 0;
        _freshness = new InventoryFreshness(complete, _freshness.FirstCompleteAt ?? (complete ? time.GetUtcNow() : null), _lastFull,
            _queue.Count, _queue.CountOf(ListingPriority.Pending), _queue.NeverListed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph inventory pass: {Owed} users still owed a listing ({FullRoundOwed} of the full inventory)")]
    private static partial void LogPass(ILogger logger, int owed, int fullRoundOwed);
}
