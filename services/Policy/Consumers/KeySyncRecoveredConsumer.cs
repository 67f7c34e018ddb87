using Whfb.Contracts.Keys;

namespace Whfb.Policy.Consumers;

/// <summary>A stuck key reached AD after all: no longer counted as stuck.</summary>
public sealed class KeySyncRecoveredConsumer(OutcomeRecorder recorder) : KeySyncBatchConsumer<KeySyncRecovered>(
    recorder, "policy-key-sync-recovered", m => m.Key, m => m.EventId, (m, row) => KeySyncOutcomes.Synced(row, m.ObservedInAdAt));

public sealed class KeySyncRecoveredConsumerDefinition : KeySyncBatchConsumerDefinition<KeySyncRecoveredConsumer>;
