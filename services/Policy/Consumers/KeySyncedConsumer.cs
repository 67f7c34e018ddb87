using MassTransit;
using Whfb.Contracts.Keys;

namespace Whfb.Policy.Consumers;

/// <summary>SyncTracker saw the key in AD: the device's user reaches on-prem resources.</summary>
public sealed class KeySyncedConsumer(OutcomeRecorder recorder) : IConsumer<KeySynced>
{
    public Task Consume(ConsumeContext<KeySynced> context) => recorder.RecordAsync(
        DeviceSubject.Of(context.Message.Key), context.Message.EventId, "policy-key-synced", KeySyncOutcomes.Synced(context.Message.ObservedInAdAt), context.CancellationToken);
}
