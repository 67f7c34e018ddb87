using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class RolloutResumedConsumer(HistoryBatcher history) : HistoryConsumer<RolloutResumed>(history)
{
    protected override HistoryRow ToRow(RolloutResumed m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m, detail: m.By);
}

public sealed class RolloutResumedConsumerDefinition : HistoryConsumerDefinition<RolloutResumedConsumer>;
