using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Options;
using Whfb.Contracts.Devices;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Ingest.Publishing;

/// <summary>
/// Puts requests' device events on the bus and tells each request whether RabbitMQ confirmed its events. Requests
/// that arrive while earlier ones are being published wait and go out together (group commit), but only with requests
/// of their own tenant (<see cref="TenantQueue"/>): a message never mixes tenants. A group's events become
/// <see cref="DeviceEventBatch{T}"/> messages (<see cref="BatchMessages"/>: one run per type, at most
/// <see cref="IngestOptions.EventsPerMessage"/> events and <see cref="IngestOptions.MaxMessageBytes"/> bytes each). A
/// lone request is published at once; under load the messages grow instead of their number. A full queue is refused at
/// once (<see cref="PublishOutcome.Busy"/>); a request that stops waiting (timeout, client gone) is taken out of the
/// queue, so nothing is published for it, and a request with less than a quarter of its timeout left when its turn
/// comes is answered at once without publishing (it would most likely time out while published, and its retry would
/// publish it twice). No confirm within <see cref="IngestOptions.PublishTimeout"/> is
/// <see cref="PublishOutcome.NotConfirmed"/>: the caller answers 503 and the collector retries (the deterministic event
/// ids make a retry harmless downstream).
/// </summary>
public sealed partial class ConfirmedPublisher : BackgroundService
{
    private static readonly Counter<long> Refused = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.ingest.publish.refused", description: "Requests refused at once because the publish queue was full");

    private static readonly Counter<long> Abandoned = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.ingest.publish.abandoned", description: "Requests taken out of the publish queue unpublished because they stopped waiting");

    private readonly IBus bus;
    private readonly IngestOptions options;
    private readonly ILogger<ConfirmedPublisher> logger;
    private readonly TimeProvider time;
    private readonly TenantQueue queue;
    private int inFlight;

    public ConfirmedPublisher(IBus bus, IOptions<IngestOptions> options, ILogger<ConfirmedPublisher> logger, TimeProvider time)
    {
        (this.bus, this.options, this.logger, this.time) = (bus, options.Value, logger, time);
        queue = new TenantQueue(this.options.PublishQueueRequests, this.options.PublishQueueBytes);
    }

    /// <summary>Requests waiting for a publish slot now.</summary>
    public int Queued => queue.Count;

    /// <summary>Groups being published now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    public async Task<PublishOutcome> PublishAsync(Guid tenantId, IReadOnlyList<SizedEvent> events, CancellationToken requestAborted)
    {
        var request = new PendingRequest(tenantId, events, Activity.Current?.Context, time.GetUtcNow() + options.PublishTimeout);
        if (!queue.TryEnqueue(request))
        {
            Refused.Add(1);
            return PublishOutcome.Busy;
        }

        try
        {
            return await request.Done.Task.WaitAsync(options.PublishTimeout, time, requestAborted) ? PublishOutcome.Confirmed : PublishOutcome.NotConfirmed;
        }
        catch (TimeoutException)
        {
            LogPublishFailed(logger, events.Count, nameof(TimeoutException), null);
            return PublishOutcome.NotConfirmed;
        }
        finally
        {
            if (queue.TryRemove(request))
                Abandoned.Add(1);
        }
    }

    /// <summary>At most <see cref="IngestOptions.ConcurrentPublishes"/> groups in flight; each takes what its tenant queued meanwhile.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrent = options.ConcurrentPublishes;
        using var slots = new SemaphoreSlim(concurrent);
        try
        {
            while (true)
            {
                await queue.WaitAsync(stoppingToken);
                await slots.WaitAsync(stoppingToken);
                var late = new List<PendingRequest>();
                var group = queue.TakeGroup(options.MaxRecords, time.GetUtcNow() + options.PublishTimeout / 4, late);
                late.ForEach(p => p.Done.TrySetResult(false));
                if (group.Count == 0)
                {
                    slots.Release();
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                _ = PublishAsync(group).ContinueWith(_ =>
                {
                    Interlocked.Decrement(ref inFlight);
                    slots.Release();
                }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what is still queued is refused below
        }

        // Every request counts as late at the end of time: each tenant's line is taken out whole and refused.
        var left = new List<PendingRequest>();
        do
        {
            left.Clear();
            queue.TakeGroup(int.MaxValue, DateTimeOffset.MaxValue, left);
            left.ForEach(p => p.Done.TrySetResult(false));
        }
        while (left.Count > 0);

        // Every slot back means every group in flight has its confirms (or its failure).
        for (var i = 0; i < concurrent; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    public override void Dispose()
    {
        queue.Dispose();
        base.Dispose();
    }

    private async Task PublishAsync(List<PendingRequest> group)
    {
        // The group's publishes join the trace of its first request and link (a few of) the others.
        var traces = group.Select(p => p.Trace).OfType<ActivityContext>().ToList();
        using var activity = WhfbTelemetry.ActivitySource.StartActivity("ingest publish group", ActivityKind.Internal,
            traces.FirstOrDefault(), links: traces.Skip(1).Take(32).Select(t => new ActivityLink(t)));
        activity?.SetTag("whfb.ingest.requests", group.Count);
        var messages = BatchMessages.Build(group.SelectMany(p => p.Events), options.EventsPerMessage, options.MaxMessageBytes);
        using var timeout = new CancellationTokenSource(options.PublishTimeout, time);
        try
        {
            await Task.WhenAll(messages.Select(message => bus.Publish(message, timeout.Token)));
            group.ForEach(p => p.Done.TrySetResult(true));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogPublishFailed(logger, group.Sum(p => p.Events.Count), error.GetType().Name, error);
            group.ForEach(p => p.Done.TrySetResult(false));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} device events was not confirmed ({ErrorType}); answering 503")]
    private static partial void LogPublishFailed(ILogger logger, int count, string errorType, Exception? error);
}
