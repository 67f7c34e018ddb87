using MassTransit;
using Whfb.Policy.Consumers;

namespace Whfb.Policy.Extensions;

/// <summary>
/// What Policy subscribes to, one line per consumer: each consumer's type name (through the bus's endpoint name
/// formatter) names its queue, so adding or removing a line here adds or removes a queue.
/// </summary>
public static class PolicyConsumers
{
    public static IBusRegistrationConfigurator AddPolicyConsumers(this IBusRegistrationConfigurator bus)
    {
        // Ingest's device events: which devices provisioned, failed to, or report their policy and readiness.
        bus.AddConsumer<NgcKeyRegisteredConsumer>();
        bus.AddConsumer<NgcKeyRegistrationFailedConsumer>();
        bus.AddConsumer<PolicyStateReportedConsumer>();
        bus.AddConsumer<ProvisioningReadinessReportedConsumer>();

        // SyncTracker's key sync events, taken in batches: whether each device's key reached AD.
        bus.AddConsumer<KeySyncedConsumer, KeySyncedConsumerDefinition>();
        bus.AddConsumer<KeySyncStuckConsumer, KeySyncStuckConsumerDefinition>();
        bus.AddConsumer<KeySyncRecoveredConsumer, KeySyncRecoveredConsumerDefinition>();
        return bus;
    }
}
