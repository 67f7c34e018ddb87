using MassTransit;
using Microsoft.Extensions.Options;
using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Apis;

/// <summary>
/// Publishes device events as <see cref="DeviceEventBatch{T}"/> messages (one per type, at most
/// <see cref="IngestOptions.EventsPerMessage"/> events each) concurrently and waits for every publisher confirm, so
/// that true means all of them are safe in RabbitMQ. Any failure or a confirm later than
/// <see cref="IngestOptions.PublishTimeout"/> is false: the caller answers 503 and the collector retries (the
/// deterministic event ids make the retry harmless downstream).
/// </summary>
public sealed partial class ConfirmedPublisher(IBus bus, IOptions<IngestOptions> options, ILogger<ConfirmedPublisher> logger)
{
    public async Task<bool> TryPublishAllAsync(IReadOnlyCollection<object> deviceEvents, CancellationToken cancellationToken)
    {
        var messages = DeviceEventBatch.Of(deviceEvents, options.Value.EventsPerMessage);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var publishes = new List<Task>(messages.Count);
        try
        {
            foreach (var message in messages)
                publishes.Add(bus.Publish(message, timeout.Token));
            await Task.WhenAll(publishes);
            return true;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogPublishFailed(logger, deviceEvents.Count, error.GetType().Name, error);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} device events was not confirmed ({ErrorType}); answering 503")]
    private static partial void LogPublishFailed(ILogger logger, int count, string errorType, Exception error);
}
