using Whfb.Contracts.Keys;

namespace Whfb.Policy.Consumers;

/// <summary>A key waits for AD longer than SyncTracker's threshold: counts against the ring's stuck-keys gate.</summary>
public sealed class KeySyncStuckConsumer(OutcomeRecorder recorder) : KeySyncBatchConsumer<KeySyncStuck>(
    recorder, "policy-key-sync-stuck", m => m.Key, m => m.EventId, (m, row) => KeySyncOutcomes.Stuck(row, m.DetectedAt));

public sealed class KeySyncStuckConsumerDefinition : KeySyncBatchConsumerDefinition<KeySyncStuckConsumer>;
