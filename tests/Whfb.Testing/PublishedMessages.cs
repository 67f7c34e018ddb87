using MassTransit;
using Whfb.Contracts.Devices;

namespace Whfb.Testing;

/// <summary>
/// Publishes contract messages the way the services do: device events (namespace Whfb.Contracts.Devices) inside
/// <see cref="DeviceEventBatch{T}"/> messages as Ingest sends them, every other message (a batch made by the test too)
/// as itself.
/// </summary>
public static class PublishedMessages
{
    /// <summary>Device events grouped into batches of their type (at most 500 each), the others one by one.</summary>
    public static async Task PublishAllAsync(this IBus bus, IEnumerable<object> messages)
    {
        var all = messages.ToList();
        var others = all.Where(m => !IsDeviceEvent(m));
        foreach (var message in DeviceEventBatch.Of(all.Where(IsDeviceEvent), maxEvents: 500).Concat(others))
        {
            await bus.Publish(message, message.GetType());
        }
    }

    private static bool IsDeviceEvent(object message) =>
        message.GetType() is { IsGenericType: false } type && type.Namespace == typeof(DeviceEventHeader).Namespace;
}
