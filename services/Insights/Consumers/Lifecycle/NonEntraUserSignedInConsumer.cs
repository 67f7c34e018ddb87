using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class NonEntraUserSignedInConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<NonEntraUserSignedIn>(history)
{
    protected override HistoryRow ToRow(NonEntraUserSignedIn m) => HistoryRows.Device(m.Header, m, m.User);
}

public sealed class NonEntraUserSignedInConsumerDefinition : DeviceEventBatchConsumerDefinition<NonEntraUserSignedInConsumer>;
