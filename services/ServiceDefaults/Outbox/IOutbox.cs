namespace Whfb.ServiceDefaults.Outbox;

/// <summary>
/// Queues a message in the current DbContext; it is stored by the caller's SaveChanges, in the caller's
/// transaction, and published by the dispatcher afterwards (at least once).
/// </summary>
public interface IOutbox
{
    Guid Enqueue<T>(T message) where T : class;
}
