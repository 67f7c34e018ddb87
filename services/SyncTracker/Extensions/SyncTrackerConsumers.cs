using MassTransit;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Extensions;

/// <summary>
/// What SyncTracker subscribes to, one line per consumer: each consumer's type name (through the bus's endpoint name
/// formatter) names its queue, so adding or removing a line here adds or removes a queue.
/// </summary>
public static class SyncTrackerConsumers
{
    public static IBusRegistrationConfigurator AddSyncTrackerConsumers(this IBusRegistrationConfigurator bus)
    {
        // Ingest's key registrations with Entra ID: each key it starts waiting to see in AD.
        bus.AddConsumer<NgcKeyRegisteredConsumer, NgcKeyRegisteredConsumerDefinition>();
        return bus;
    }
}
