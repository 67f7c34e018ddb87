using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class SyncPipelineStalledConsumer(HistoryBatcher history) : HistoryConsumer<SyncPipelineStalled>(history)
{
    protected override HistoryRow ToRow(SyncPipelineStalled m) => new(m.EventId, m.TenantId, nameof(SyncPipelineStalled), m.DetectedAt, m, Detail: $"{m.KeysWaiting} keys waiting");
}

public sealed class SyncPipelineStalledConsumerDefinition : HistoryConsumerDefinition<SyncPipelineStalledConsumer>;
