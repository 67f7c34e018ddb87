using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class RolloutAbortedConsumer(HistoryBatcher history) : HistoryConsumer<RolloutAborted>(history)
{
    protected override HistoryRow ToRow(RolloutAborted m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m, detail: m.Reason);
}

public sealed class RolloutAbortedConsumerDefinition : HistoryConsumerDefinition<RolloutAbortedConsumer>;
