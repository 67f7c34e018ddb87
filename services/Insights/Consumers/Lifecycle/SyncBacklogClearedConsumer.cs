using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class SyncBacklogClearedConsumer(HistoryBatcher history) : HistoryConsumer<SyncBacklogCleared>(history)
{
    protected override HistoryRow ToRow(SyncBacklogCleared m) => new(m.EventId, m.TenantId, nameof(SyncBacklogCleared), m.ClearedAt, m, Detail: $"{m.KeysWaiting} keys waiting");
}

public sealed class SyncBacklogClearedConsumerDefinition : HistoryConsumerDefinition<SyncBacklogClearedConsumer>;
