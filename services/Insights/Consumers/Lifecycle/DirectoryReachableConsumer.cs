using Whfb.Contracts.Health;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class DirectoryReachableConsumer(HistoryBatcher history) : HistoryConsumer<DirectoryReachable>(history)
{
    protected override HistoryRow ToRow(DirectoryReachable m) => new(m.EventId, m.TenantId, nameof(DirectoryReachable), m.ReachableAt, m, Detail: m.Server);
}

public sealed class DirectoryReachableConsumerDefinition : HistoryConsumerDefinition<DirectoryReachableConsumer>;
