using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class OrphanedKeyDetectedConsumer(HistoryBatcher history) : HistoryConsumer<OrphanedKeyDetected>(history)
{
    protected override HistoryRow ToRow(OrphanedKeyDetected m) => new(m.EventId, m.TenantId, nameof(OrphanedKeyDetected), m.DetectedAt, m, m.DeviceId, m.UserId, Detail: m.Reason.ToString());
}

public sealed class OrphanedKeyDetectedConsumerDefinition : HistoryConsumerDefinition<OrphanedKeyDetectedConsumer>;
