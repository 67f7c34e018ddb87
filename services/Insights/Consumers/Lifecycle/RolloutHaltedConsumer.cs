using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class RolloutHaltedConsumer(HistoryBatcher history) : HistoryConsumer<RolloutHalted>(history)
{
    protected override HistoryRow ToRow(RolloutHalted m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m, detail: m.Reason);
}

public sealed class RolloutHaltedConsumerDefinition : HistoryConsumerDefinition<RolloutHaltedConsumer>;
