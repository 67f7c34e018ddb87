using MassTransit;
using Whfb.Contracts.Keys;
using Whfb.Policy.Model;

namespace Whfb.Policy.Consumers;

/// <summary>
/// SyncTracker's key sync events, one message per key, taken in batches: one transaction (and one turn of the write gate)
/// per batch instead of per key, each event still applied once (inbox). A stalled pipeline's recovery sends thousands
/// of stuck and recovered events at once, and a transaction per event would leave them queued far longer than the stall.
/// </summary>
public abstract class KeySyncBatchConsumer<T>(
    OutcomeRecorder recorder, string inbox, Func<T, KeyReference> key, Func<T, Guid> eventId, Action<T, DeviceOutcome> apply) : IConsumer<Batch<T>>
    where T : class
{
    public Task Consume(ConsumeContext<Batch<T>> context) => recorder.RecordEachAsync(
        [.. context.Message.Select(m => m.Message)], m => DeviceSubject.Of(key(m)), eventId, inbox, apply, context.CancellationToken);
}

/// <summary>Up to 100 messages per batch, gathered for at most 50 ms after the first (a lone event waits no longer).</summary>
public abstract class KeySyncBatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int MessageLimit = 100;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(MessageLimit).SetTimeLimit(TimeSpan.FromMilliseconds(50)));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = Math.Max(rabbit.PrefetchCount, MessageLimit);
        }
    }
}
