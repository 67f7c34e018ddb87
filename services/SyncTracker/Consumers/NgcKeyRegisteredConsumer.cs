using MassTransit;
using Whfb.Contracts.Devices;
using Whfb.ServiceDefaults.Outbox;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Consumers;

/// <summary>A device registered a key with Entra ID (event 300): the key now awaits AD. Idempotent through the inbox.</summary>
public sealed partial class NgcKeyRegisteredConsumer(SyncCoordinator coordinator, TimeProvider time, ILogger<NgcKeyRegisteredConsumer> logger)
    : IConsumer<NgcKeyRegistered>
{
    private const string InboxName = "synctracker-ngc-key-registered";

    public Task Consume(ConsumeContext<NgcKeyRegistered> context)
    {
        var message = context.Message;
        var header = message.Header;
        if (header.UserObjectId is not { } userId)
        {
            LogNoUser(logger, header.EventId, header.DeviceId);
            return Task.CompletedTask;
        }

        var observation = new EntraKeyObservation(
            userId, message.UserPrincipalName ?? header.UserPrincipalName, header.DeviceId, null, message.KeyId, header.TimeCreated);
        return coordinator.RunAsync(header.TenantId, async (engine, db, ct) =>
        {
            if (!await db.TryMarkProcessedAsync(header.EventId, InboxName, time.GetUtcNow(), ct))
            {
                return false;
            }

            engine.ObserveEntraKey(observation);
            return true;
        }, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key registration {EventId} of device {DeviceId} names no Entra user object id; not tracked")]
    private static partial void LogNoUser(ILogger logger, Guid eventId, Guid deviceId);
}

public sealed class NgcKeyRegisteredConsumerDefinition : ConsumerDefinition<NgcKeyRegisteredConsumer>
{
    // The coordinator serialises work per service anyway; a few in flight keep the queue moving.
    public NgcKeyRegisteredConsumerDefinition() => ConcurrentMessageLimit = 8;
}
