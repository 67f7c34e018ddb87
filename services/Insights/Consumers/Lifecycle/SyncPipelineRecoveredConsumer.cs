using Whfb.Contracts.Keys;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class SyncPipelineRecoveredConsumer(HistoryBatcher history) : HistoryConsumer<SyncPipelineRecovered>(history)
{
    protected override HistoryRow ToRow(SyncPipelineRecovered m) => new(m.EventId, m.TenantId, nameof(SyncPipelineRecovered), m.RecoveredAt, m, Detail: $"{m.KeysWaiting} keys waiting");
}

public sealed class SyncPipelineRecoveredConsumerDefinition : HistoryConsumerDefinition<SyncPipelineRecoveredConsumer>;
