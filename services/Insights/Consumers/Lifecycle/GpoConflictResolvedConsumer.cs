using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class GpoConflictResolvedConsumer(HistoryBatcher history) : HistoryConsumer<GpoConflictResolved>(history)
{
    protected override HistoryRow ToRow(GpoConflictResolved m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m, m.DeviceId);
}

public sealed class GpoConflictResolvedConsumerDefinition : HistoryConsumerDefinition<GpoConflictResolvedConsumer>;
