using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class RingAssignedConsumer(HistoryBatcher history) : HistoryConsumer<RingAssigned>(history)
{
    protected override HistoryRow ToRow(RingAssigned m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m, detail: $"{m.DeviceIds.Count} devices");
}

public sealed class RingAssignedConsumerDefinition : HistoryConsumerDefinition<RingAssignedConsumer>;
