using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class NgcKeyRemovedConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<NgcKeyRemoved>(history)
{
    protected override HistoryRow ToRow(NgcKeyRemoved m) => HistoryRows.Device(m.Header, m, m.KeyHash);
}

public sealed class NgcKeyRemovedConsumerDefinition : DeviceEventBatchConsumerDefinition<NgcKeyRemovedConsumer>;
