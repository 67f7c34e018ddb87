using Whfb.Contracts.Health;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class DirectoryUnreachableConsumer(HistoryBatcher history) : HistoryConsumer<DirectoryUnreachable>(history)
{
    protected override HistoryRow ToRow(DirectoryUnreachable m) => new(m.EventId, m.TenantId, nameof(DirectoryUnreachable), m.DetectedAt, m, Detail: m.Error);
}

public sealed class DirectoryUnreachableConsumerDefinition : HistoryConsumerDefinition<DirectoryUnreachableConsumer>;
