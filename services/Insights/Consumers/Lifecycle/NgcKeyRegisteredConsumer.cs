using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class NgcKeyRegisteredConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<NgcKeyRegistered>(history)
{
    protected override HistoryRow ToRow(NgcKeyRegistered m) => HistoryRows.Device(m.Header, m, m.Attestation);
}

public sealed class NgcKeyRegisteredConsumerDefinition : DeviceEventBatchConsumerDefinition<NgcKeyRegisteredConsumer>;
