using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class KeySyncStuckConsumer(HistoryBatcher history) : HistoryConsumer<KeySyncStuck>(history)
{
    protected override HistoryRow ToRow(KeySyncStuck m) => HistoryRows.Key(m.EventId, m.Key, m.DetectedAt, m, string.Join(", ", m.Hints));
}

public sealed class KeySyncStuckConsumerDefinition : HistoryConsumerDefinition<KeySyncStuckConsumer>;
