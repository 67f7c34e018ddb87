using System.Collections.Concurrent;
using Whfb.Policy.Intune;

namespace Whfb.Policy.Tests.Intune;

/// <summary>Collects the audit entries the Intune layer hands over (the Policy service persists them; here the layer alone is under test).</summary>
public sealed class RecordingAuditLog : IGraphAuditLog
{
    private readonly ConcurrentQueue<GraphAuditEntry> _entries = new();

    public IReadOnlyList<GraphAuditEntry> Entries => _entries.ToList();

    public Task RecordAsync(GraphAuditEntry entry, CancellationToken ct)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public IReadOnlyList<GraphAuditEntry> For(Guid rolloutId) => Entries.Where(e => e.RolloutId == rolloutId).ToList();
}
