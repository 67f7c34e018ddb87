using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class ProvisioningReadinessReportedConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<ProvisioningReadinessReported>(history)
{
    protected override HistoryRow ToRow(ProvisioningReadinessReported m) => HistoryRows.Device(m.Header, m, m.IsReady ? "ready" : "not ready");
}

public sealed class ProvisioningReadinessReportedConsumerDefinition : DeviceEventBatchConsumerDefinition<ProvisioningReadinessReportedConsumer>;
