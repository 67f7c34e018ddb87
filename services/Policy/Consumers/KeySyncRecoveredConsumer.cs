using MassTransit;
using Whfb.Contracts.Keys;

namespace Whfb.Policy.Consumers;

/// <summary>A stuck key reached AD after all: no longer counted as stuck.</summary>
public sealed class KeySyncRecoveredConsumer(OutcomeRecorder recorder) : IConsumer<KeySyncRecovered>
{
    public Task Consume(ConsumeContext<KeySyncRecovered> context) => recorder.RecordAsync(
        DeviceSubject.Of(context.Message.Key), context.Message.EventId, "policy-key-sync-recovered", KeySyncOutcomes.Synced(context.Message.ObservedInAdAt), context.CancellationToken);
}
