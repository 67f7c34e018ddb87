using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class RolloutCompletedConsumer(HistoryBatcher history) : HistoryConsumer<RolloutCompleted>(history)
{
    protected override HistoryRow ToRow(RolloutCompleted m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m);
}

public sealed class RolloutCompletedConsumerDefinition : HistoryConsumerDefinition<RolloutCompletedConsumer>;
