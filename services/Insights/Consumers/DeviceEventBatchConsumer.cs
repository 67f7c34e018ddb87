using MassTransit;
using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers;

/// <summary>
/// What every device-event consumer does: map each event of the batch to a history row and hand them all to the
/// batching writer; the message is acknowledged once every row's batch committed.
/// </summary>
public abstract class DeviceEventBatchConsumer<T>(HistoryBatcher history) : IConsumer<DeviceEventBatch<T>>
    where T : class
{
    public Task Consume(ConsumeContext<DeviceEventBatch<T>> context)
    {
        var events = context.Message.Events;
        var rows = new HistoryRow[events.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = ToRow(events[i]);
        }

        return history.WriteAllAsync(rows, context.CancellationToken);
    }

    protected abstract HistoryRow ToRow(T message);
}

/// <summary>
/// A batch carries up to Ingest's EventsPerMessage rows, so far fewer messages in flight than for single events
/// keep the writer's batches full while bounding what an endpoint holds in memory.
/// </summary>
public abstract class DeviceEventBatchConsumerDefinition<TConsumer>() : HistoryConsumerDefinition<TConsumer>(inFlight: 64)
    where TConsumer : class, IConsumer;
