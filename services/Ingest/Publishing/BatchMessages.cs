using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Publishing;

/// <summary>
/// A group's events as <see cref="DeviceEventBatch{T}"/> messages: one run per event type (first appearance first, order
/// kept within a type), a new message whenever the next event would pass the events or the bytes per message.
/// </summary>
public static class BatchMessages
{
    /// <summary>Bytes of a batch message besides its events: the envelope MassTransit wraps it in, its headers.</summary>
    public const int EnvelopeReserve = 16 * 1024;

    /// <summary>The most bytes one event may take so that a message with only it stays within <paramref name="maxMessageBytes"/>.</summary>
    public static int MaxEventBytes(int maxMessageBytes) => maxMessageBytes - EnvelopeReserve;

    public static List<object> Build(IEnumerable<SizedEvent> events, int maxEvents, int maxMessageBytes)
    {
        var budget = MaxEventBytes(maxMessageBytes);
        var messages = new List<object>();
        foreach (var type in events.GroupBy(e => e.Event.GetType()))
        {
            var chunk = new List<object>();
            long bytes = 0;
            foreach (var sized in type)
            {
                // Each event after the first costs a separating comma.
                if (chunk.Count > 0 && (chunk.Count == maxEvents || bytes + sized.Bytes + 1 > budget))
                {
                    messages.Add(DeviceEventBatch.Of(chunk, chunk.Count)[0]);
                    (chunk, bytes) = ([], 0);
                }

                chunk.Add(sized.Event);
                bytes += sized.Bytes + 1;
            }

            if (chunk.Count > 0)
                messages.Add(DeviceEventBatch.Of(chunk, chunk.Count)[0]);
        }

        return messages;
    }
}
