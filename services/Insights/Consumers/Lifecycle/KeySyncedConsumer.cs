using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class KeySyncedConsumer(HistoryBatcher history) : HistoryConsumer<KeySynced>(history)
{
    protected override HistoryRow ToRow(KeySynced m) => HistoryRows.Key(m.EventId, m.Key, m.ObservedInAdAt, m, m.Latency.ToString());
}

public sealed class KeySyncedConsumerDefinition : HistoryConsumerDefinition<KeySyncedConsumer>;
