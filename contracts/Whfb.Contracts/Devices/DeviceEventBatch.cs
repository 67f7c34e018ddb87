using System.Collections.Concurrent;
using System.Reflection;

namespace Whfb.Contracts.Devices;

/// <summary>
/// Device events of one type that Ingest accepted together, as one message. Every device event (this namespace)
/// travels inside one: one broker message per type per request instead of one per record, while each event keeps its
/// own header and deterministic event id, so consumers still de-duplicate event by event.
/// </summary>
public sealed record DeviceEventBatch<T>(IReadOnlyList<T> Events)
    where T : class;

/// <summary>Builds <see cref="DeviceEventBatch{T}"/> messages from device events of any mix of types.</summary>
public static class DeviceEventBatch
{
    private static readonly ConcurrentDictionary<Type, Func<List<object>, object>> Factories = new();

    /// <summary>
    /// The events grouped by their runtime type (first appearance first, order kept within a type), at most
    /// <paramref name="maxEvents"/> to a batch.
    /// </summary>
    public static List<object> Of(IEnumerable<object> events, int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        return events.GroupBy(e => e.GetType())
            .SelectMany(group => group.Chunk(maxEvents).Select(chunk => FactoryFor(group.Key)([.. chunk])))
            .ToList();
    }

    /// <summary>One event as the one-event batch it is published in.</summary>
    public static object Of(object deviceEvent) => FactoryFor(deviceEvent.GetType())([deviceEvent]);

    private static Func<List<object>, object> FactoryFor(Type type) => Factories.GetOrAdd(type, static t =>
        typeof(DeviceEventBatch).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(t).CreateDelegate<Func<List<object>, object>>());

    private static object Create<T>(List<object> events)
        where T : class => new DeviceEventBatch<T>(events.ConvertAll(e => (T)e));
}
