using MassTransit;
using Whfb.Insights.Consumers.Lifecycle;

namespace Whfb.Insights.Extensions;

/// <summary>
/// What Insights subscribes to, one line per consumer: each consumer's type name (through the bus's endpoint name
/// formatter) names its queue, so adding or removing a line here adds or removes a queue. Every consumer writes history rows.
/// </summary>
public static class InsightsConsumers
{
    public static IBusRegistrationConfigurator AddInsightsConsumers(this IBusRegistrationConfigurator bus)
    {
        // Ingest's device events, batched per message: the device history of registrations, keys, policy and readiness.
        bus.AddConsumer<DeviceLogEntryRecordedConsumer, DeviceLogEntryRecordedConsumerDefinition>();
        bus.AddConsumer<DeviceRegistrationFailedConsumer, DeviceRegistrationFailedConsumerDefinition>();
        bus.AddConsumer<DeviceStatusReportedConsumer, DeviceStatusReportedConsumerDefinition>();
        bus.AddConsumer<NgcKeyRegisteredConsumer, NgcKeyRegisteredConsumerDefinition>();
        bus.AddConsumer<NgcKeyRegistrationFailedConsumer, NgcKeyRegistrationFailedConsumerDefinition>();
        bus.AddConsumer<NgcKeyRemovedConsumer, NgcKeyRemovedConsumerDefinition>();
        bus.AddConsumer<NonEntraUserSignedInConsumer, NonEntraUserSignedInConsumerDefinition>();
        bus.AddConsumer<PolicyStateReportedConsumer, PolicyStateReportedConsumerDefinition>();
        bus.AddConsumer<ProvisioningReadinessReportedConsumer, ProvisioningReadinessReportedConsumerDefinition>();

        // SyncTracker's key events: whether keys reach AD, orphaned keys, and the sync pipeline's stalls and backlogs.
        bus.AddConsumer<KeySyncRecoveredConsumer, KeySyncRecoveredConsumerDefinition>();
        bus.AddConsumer<KeySyncStuckConsumer, KeySyncStuckConsumerDefinition>();
        bus.AddConsumer<KeySyncedConsumer, KeySyncedConsumerDefinition>();
        bus.AddConsumer<NgcKeyRemovedFromAdConsumer, NgcKeyRemovedFromAdConsumerDefinition>();
        bus.AddConsumer<OrphanedKeyDetectedConsumer, OrphanedKeyDetectedConsumerDefinition>();
        bus.AddConsumer<SyncBacklogClearedConsumer, SyncBacklogClearedConsumerDefinition>();
        bus.AddConsumer<SyncBacklogDetectedConsumer, SyncBacklogDetectedConsumerDefinition>();
        bus.AddConsumer<SyncPipelineRecoveredConsumer, SyncPipelineRecoveredConsumerDefinition>();
        bus.AddConsumer<SyncPipelineStalledConsumer, SyncPipelineStalledConsumerDefinition>();

        // Policy's rollout events: rings, rollout transitions and Group Policy conflicts.
        bus.AddConsumer<GpoConflictDetectedConsumer, GpoConflictDetectedConsumerDefinition>();
        bus.AddConsumer<GpoConflictResolvedConsumer, GpoConflictResolvedConsumerDefinition>();
        bus.AddConsumer<RingAdvancedConsumer, RingAdvancedConsumerDefinition>();
        bus.AddConsumer<RingAssignedConsumer, RingAssignedConsumerDefinition>();
        bus.AddConsumer<RolloutAbortedConsumer, RolloutAbortedConsumerDefinition>();
        bus.AddConsumer<RolloutCompletedConsumer, RolloutCompletedConsumerDefinition>();
        bus.AddConsumer<RolloutHaltedConsumer, RolloutHaltedConsumerDefinition>();
        bus.AddConsumer<RolloutResumedConsumer, RolloutResumedConsumerDefinition>();
        bus.AddConsumer<RolloutStartedConsumer, RolloutStartedConsumerDefinition>();

        // SyncTracker's and Policy's health events: whether they reach the directory and hold their Graph permissions.
        bus.AddConsumer<DirectoryReachableConsumer, DirectoryReachableConsumerDefinition>();
        bus.AddConsumer<DirectoryUnreachableConsumer, DirectoryUnreachableConsumerDefinition>();
        bus.AddConsumer<GraphPermissionMissingConsumer, GraphPermissionMissingConsumerDefinition>();
        bus.AddConsumer<GraphPermissionRestoredConsumer, GraphPermissionRestoredConsumerDefinition>();
        return bus;
    }
}
