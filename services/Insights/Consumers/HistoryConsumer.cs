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

/// <summary>
/// Many messages in flight per endpoint, so the writer can gather them into batches: each message is one small row,
/// and the acknowledgement waits for its batch's commit, so the in-flight limit (and the prefetch) bounds the batch.
/// </summary>
public abstract class HistoryConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly int inFlight;

    protected HistoryConsumerDefinition(int inFlight = 1000)
    {
        this.inFlight = inFlight;
        ConcurrentMessageLimit = inFlight;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = Math.Max(rabbit.PrefetchCount, inFlight);
        }
    }
}
