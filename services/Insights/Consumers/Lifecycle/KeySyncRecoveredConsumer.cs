using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class KeySyncRecoveredConsumer(HistoryBatcher history) : HistoryConsumer<KeySyncRecovered>(history)
{
    protected override HistoryRow ToRow(KeySyncRecovered m) => HistoryRows.Key(m.EventId, m.Key, m.ObservedInAdAt, m, m.Latency.ToString());
}

public sealed class KeySyncRecoveredConsumerDefinition : HistoryConsumerDefinition<KeySyncRecoveredConsumer>;
