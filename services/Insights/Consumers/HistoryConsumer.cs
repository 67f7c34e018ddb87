using MassTransit;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers;

/// <summary>
/// What every lifecycle-event consumer does: map the message to a history row and hand it to the batching writer;
/// the message is acknowledged once the row's batch committed.
/// </summary>
public abstract class HistoryConsumer<T>(HistoryBatcher history) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context) => history.WriteAsync(ToRow(context.Message), context.CancellationToken);

    protected abstract HistoryRow ToRow(T message);
}

/// <summary>Many messages in flight per endpoint, so the writer can gather them into batches.</summary>
public abstract class HistoryConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected HistoryConsumerDefinition() => ConcurrentMessageLimit = 64;
}
