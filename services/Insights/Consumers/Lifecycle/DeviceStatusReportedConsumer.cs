using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class DeviceStatusReportedConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<DeviceStatusReported>(history)
{
    protected override HistoryRow ToRow(DeviceStatusReported m) => new(m.EventId, m.TenantId, nameof(DeviceStatusReported), m.CollectedAt, m, m.DeviceId, Detail: m.JoinType.ToString());
}

public sealed class DeviceStatusReportedConsumerDefinition : DeviceEventBatchConsumerDefinition<DeviceStatusReportedConsumer>;
