using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class RolloutStartedConsumer(HistoryBatcher history) : HistoryConsumer<RolloutStarted>(history)
{
    protected override HistoryRow ToRow(RolloutStarted m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m, detail: m.StartedBy);
}

public sealed class RolloutStartedConsumerDefinition : HistoryConsumerDefinition<RolloutStartedConsumer>;
