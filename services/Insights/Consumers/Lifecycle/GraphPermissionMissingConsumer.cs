using Whfb.Contracts.Health;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class GraphPermissionMissingConsumer(HistoryBatcher history) : HistoryConsumer<GraphPermissionMissing>(history)
{
    protected override HistoryRow ToRow(GraphPermissionMissing m) => new(m.EventId, m.TenantId, nameof(GraphPermissionMissing), m.DetectedAt, m, Detail: $"{m.Service}: {m.Feature} needs {string.Join(", ", m.Missing)}");
}

public sealed class GraphPermissionMissingConsumerDefinition : HistoryConsumerDefinition<GraphPermissionMissingConsumer>;
