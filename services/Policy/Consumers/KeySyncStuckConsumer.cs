using MassTransit;
using Whfb.Contracts.Keys;

namespace Whfb.Policy.Consumers;

/// <summary>A key waits for AD longer than SyncTracker's threshold: counts against the ring's stuck-keys gate.</summary>
public sealed class KeySyncStuckConsumer(OutcomeRecorder recorder) : IConsumer<KeySyncStuck>
{
    public Task Consume(ConsumeContext<KeySyncStuck> context) => recorder.RecordAsync(
        DeviceSubject.Of(context.Message.Key), context.Message.EventId, "policy-key-sync-stuck", KeySyncOutcomes.Stuck(context.Message.DetectedAt), context.CancellationToken);
}
