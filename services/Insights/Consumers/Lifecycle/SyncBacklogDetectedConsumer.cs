using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class SyncBacklogDetectedConsumer(HistoryBatcher history) : HistoryConsumer<SyncBacklogDetected>(history)
{
    protected override HistoryRow ToRow(SyncBacklogDetected m) =>
        new(m.EventId, m.TenantId, nameof(SyncBacklogDetected), m.DetectedAt, m, Detail: $"{m.KeysWaiting} keys waiting, {m.KeysPerCycle:0.#} reach AD per cycle");
}

public sealed class SyncBacklogDetectedConsumerDefinition : HistoryConsumerDefinition<SyncBacklogDetectedConsumer>;
