using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class PolicyStateReportedConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<PolicyStateReported>(history)
{
    protected override HistoryRow ToRow(PolicyStateReported m) => new(m.EventId, m.TenantId, nameof(PolicyStateReported), m.CollectedAt, m, m.DeviceId, Detail: m.EffectiveSource.ToString());
}

public sealed class PolicyStateReportedConsumerDefinition : DeviceEventBatchConsumerDefinition<PolicyStateReportedConsumer>;
