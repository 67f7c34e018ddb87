using MassTransit;
using Whfb.Contracts.Devices;
using Whfb.Insights.Infrastructure;

namespace Whfb.Insights.Consumers;

/// <summary>Stores a batch of device events in the history (idempotent on each event's id).</summary>
public sealed class DeviceEventsRecordedConsumer(HistoryWriter history) : IConsumer<DeviceEventsRecorded>
{
    public Task Consume(ConsumeContext<DeviceEventsRecorded> context) =>
        history.AppendAsync(context.Message, context.CancellationToken);
}

public sealed class DeviceEventsRecordedConsumerDefinition : ConsumerDefinition<DeviceEventsRecordedConsumer>
{
    public DeviceEventsRecordedConsumerDefinition()
    {
        // Each message is a batch of hundreds of rows: a few in parallel keep PostgreSQL busy without thrashing it.
        ConcurrentMessageLimit = 4;
    }
}
