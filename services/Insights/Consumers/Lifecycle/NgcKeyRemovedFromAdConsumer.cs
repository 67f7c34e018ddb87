using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class NgcKeyRemovedFromAdConsumer(HistoryBatcher history) : HistoryConsumer<NgcKeyRemovedFromAd>(history)
{
    protected override HistoryRow ToRow(NgcKeyRemovedFromAd m) => HistoryRows.Key(m.EventId, m.Key, m.ObservedAt, m);
}

public sealed class NgcKeyRemovedFromAdConsumerDefinition : HistoryConsumerDefinition<NgcKeyRemovedFromAdConsumer>;
