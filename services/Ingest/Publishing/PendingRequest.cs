using System.Diagnostics;

namespace Whfb.Ingest.Publishing;

/// <summary>One request's events of one tenant waiting to be published, and the answer its request waits for.</summary>
internal sealed class PendingRequest(Guid tenantId, IReadOnlyList<SizedEvent> events, ActivityContext? trace, DateTimeOffset deadline)
{
    public Guid TenantId => tenantId;

    public IReadOnlyList<SizedEvent> Events => events;

    public long Bytes { get; } = events.Sum(e => (long)e.Bytes);

    public ActivityContext? Trace => trace;

    /// <summary>When its request stops waiting for the answer.</summary>
    public DateTimeOffset Deadline => deadline;

    /// <summary>True once RabbitMQ confirmed every event, false when publishing failed.</summary>
    public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Its place in <see cref="TenantQueue"/> while it waits there; null once taken or removed.</summary>
    internal LinkedListNode<PendingRequest>? Place { get; set; }
}
