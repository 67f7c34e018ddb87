using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class GpoConflictDetectedConsumer(HistoryBatcher history) : HistoryConsumer<GpoConflictDetected>(history)
{
    protected override HistoryRow ToRow(GpoConflictDetected m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m, m.DeviceId, m.DeviceName);
}

public sealed class GpoConflictDetectedConsumerDefinition : HistoryConsumerDefinition<GpoConflictDetectedConsumer>;
