using Whfb.Contracts.Health;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class GraphPermissionRestoredConsumer(HistoryBatcher history) : HistoryConsumer<GraphPermissionRestored>(history)
{
    protected override HistoryRow ToRow(GraphPermissionRestored m) => new(m.EventId, m.TenantId, nameof(GraphPermissionRestored), m.RestoredAt, m, Detail: $"{m.Service}: {m.Feature} works again");
}

public sealed class GraphPermissionRestoredConsumerDefinition : HistoryConsumerDefinition<GraphPermissionRestoredConsumer>;
