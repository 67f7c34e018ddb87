using Whfb.Contracts.Policy;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class RingAdvancedConsumer(HistoryBatcher history) : HistoryConsumer<RingAdvanced>(history)
{
    protected override HistoryRow ToRow(RingAdvanced m) => HistoryRows.Rollout(m.EventId, m.Rollout, m.At, m, detail: m.By);
}

public sealed class RingAdvancedConsumerDefinition : HistoryConsumerDefinition<RingAdvancedConsumer>;
