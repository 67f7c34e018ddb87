using MassTransit;
using Whfb.Contracts.Devices;
using Whfb.ServiceDefaults.Outbox;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tracking;

/// <summary>
/// Devices registered keys with Entra ID (event 300): each key now awaits AD. One engine pass and transaction per
/// tenant of the batch; each event once, through the inbox.
/// </summary>
public sealed partial class NgcKeyRegisteredConsumer(SyncCoordinator coordinator, TimeProvider time, ILogger<NgcKeyRegisteredConsumer> logger)
    : IConsumer<DeviceEventBatch<NgcKeyRegistered>>
{
    private const string InboxName = "synctracker-ngc-key-registered";

    public async Task Consume(ConsumeContext<DeviceEventBatch<NgcKeyRegistered>> context)
    {
        foreach (var tenant in context.Message.Events.Where(Tracked).GroupBy(m => m.Header.TenantId))
        {
            await coordinator.RunAsync(tenant.Key, async (engine, db, ct) =>
            {
                var observed = false;
                foreach (var message in tenant)
                {
                    if (await db.TryMarkProcessedAsync(message.Header.EventId, InboxName, time.GetUtcNow(), ct))
                    {
                        engine.ObserveEntraKey(Observation(message));
                        observed = true;
                    }
                }

                return observed;
            }, context.CancellationToken);
        }
    }

    private bool Tracked(NgcKeyRegistered message)
    {
        if (message.Header.UserObjectId is not null)
        {
            return true;
        }

        LogNoUser(logger, message.Header.EventId, message.Header.DeviceId);
        return false;
    }

    private static EntraKeyObservation Observation(NgcKeyRegistered message) => new(
        message.Header.UserObjectId!.Value, message.UserPrincipalName ?? message.Header.UserPrincipalName, message.Header.DeviceId, null,
        message.KeyId, message.Header.TimeCreated)
    {
        UserSid = message.Header.UserSid,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key registration {EventId} of device {DeviceId} names no Entra user object id; not tracked")]
    private static partial void LogNoUser(ILogger logger, Guid eventId, Guid deviceId);
}

public sealed class NgcKeyRegisteredConsumerDefinition : ConsumerDefinition<NgcKeyRegisteredConsumer>
{
    // The coordinator serialises work per service anyway; a few in flight keep the queue moving.
    public NgcKeyRegisteredConsumerDefinition() => ConcurrentMessageLimit = 8;
}
