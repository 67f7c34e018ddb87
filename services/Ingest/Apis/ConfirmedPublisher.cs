using System.Diagnostics;
using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Options;
using Whfb.Contracts.Devices;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Ingest.Apis;

/// <summary>
/// Puts requests' device events on the bus and tells each request whether RabbitMQ confirmed its events. Requests
/// that arrive while earlier ones are being published wait and go out together (group commit): their events are merged
/// into <see cref="DeviceEventBatch{T}"/> messages (one per type, at most <see cref="IngestOptions.EventsPerMessage"/>
/// events each). A lone request is published at once; under load the messages grow instead of their number, which is
/// what RabbitMQ and the consumers pay for. True means all of a request's events are safe in RabbitMQ. A failure, or no
/// confirm within <see cref="IngestOptions.PublishTimeout"/>, is false: the caller answers 503 and the collector retries
/// (the deterministic event ids make a retry harmless downstream).
/// </summary>
public sealed partial class ConfirmedPublisher(IBus bus, IOptions<IngestOptions> options, ILogger<ConfirmedPublisher> logger) : BackgroundService
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<bool> TryPublishAllAsync(IReadOnlyCollection<object> deviceEvents, CancellationToken cancellationToken)
    {
        var pending = new Pending(deviceEvents, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously), Activity.Current?.Context);
        if (!queue.Writer.TryWrite(pending))
        {
            return false;
        }

        try
        {
            return await pending.Done.Task.WaitAsync(options.Value.PublishTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogPublishFailed(logger, deviceEvents.Count, nameof(TimeoutException), null);
            return false;
        }
    }

    /// <summary>At most <see cref="IngestOptions.ConcurrentPublishes"/> groups in flight; each takes what queued meanwhile.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrent = options.Value.ConcurrentPublishes;
        using var slots = new SemaphoreSlim(concurrent);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                _ = PublishAsync(TakeGroup()).ContinueWith(_ => slots.Release(), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what is still queued is refused below
        }

        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetResult(false);
        }

        // Every slot back means every group in flight has its confirms (or its failure).
        for (var i = 0; i < concurrent; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    /// <summary>The first queued request, then the following ones while the group stays within MaxRecords events.</summary>
    private List<Pending> TakeGroup()
    {
        var group = new List<Pending>();
        var events = 0;
        while (queue.Reader.TryPeek(out var next) && (group.Count == 0 || events + next.Events.Count <= options.Value.MaxRecords))
        {
            queue.Reader.TryRead(out _);
            group.Add(next);
            events += next.Events.Count;
        }

        return group;
    }

    private async Task PublishAsync(List<Pending> group)
    {
        // The group's publishes join the trace of its first request and link (a few of) the others.
        var traces = group.Select(p => p.Trace).OfType<ActivityContext>().ToList();
        using var activity = WhfbTelemetry.ActivitySource.StartActivity("ingest publish group", ActivityKind.Internal,
            traces.FirstOrDefault(), links: traces.Skip(1).Take(32).Select(t => new ActivityLink(t)));
        activity?.SetTag("whfb.ingest.requests", group.Count);
        var messages = DeviceEventBatch.Of(group.SelectMany(p => p.Events), options.Value.EventsPerMessage);
        using var timeout = new CancellationTokenSource(options.Value.PublishTimeout);
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

    private sealed record Pending(IReadOnlyCollection<object> Events, TaskCompletionSource<bool> Done, ActivityContext? Trace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} device events was not confirmed ({ErrorType}); answering 503")]
    private static partial void LogPublishFailed(ILogger logger, int count, string errorType, Exception? error);
}
