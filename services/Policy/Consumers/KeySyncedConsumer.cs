using Whfb.Contracts.Keys;

namespace Whfb.Policy.Consumers;

/// <summary>SyncTracker saw the key in AD: the device's user reaches on-prem resources.</summary>
public sealed class KeySyncedConsumer(OutcomeRecorder recorder) : KeySyncBatchConsumer<KeySynced>(
    recorder, "policy-key-synced", m => m.Key, m => m.EventId, (m, row) => KeySyncOutcomes.Synced(row, m.ObservedInAdAt));

public sealed class KeySyncedConsumerDefinition : KeySyncBatchConsumerDefinition<KeySyncedConsumer>;
