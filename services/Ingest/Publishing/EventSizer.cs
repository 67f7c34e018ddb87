using System.Buffers;
using System.Text.Json;
using MassTransit.Serialization;

namespace Whfb.Ingest.Publishing;

/// <summary>
/// How many bytes each event takes in a message: serialized with MassTransit's own JSON options into a scratch buffer
/// that is only counted, so a group can be split by bytes before anything is sent. Runs on the request's thread.
/// </summary>
public static class EventSizer
{
    [ThreadStatic]
    private static Counter? counter;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public static List<SizedEvent> Measure(IReadOnlyList<object> events)
    {
        var options = SystemTextJsonMessageSerializer.Options;
        var bytes = counter ??= new Counter();
        var json = writer ??= new Utf8JsonWriter(bytes, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true });
        var sized = new List<SizedEvent>(events.Count);
        foreach (var e in events)
        {
            bytes.Count = 0;
            json.Reset(bytes);
            JsonSerializer.Serialize(json, e, e.GetType(), options);
            json.Flush();
            sized.Add(new SizedEvent(e, (int)Math.Min(bytes.Count, int.MaxValue)));
        }

        return sized;
    }

    /// <summary>
    /// Hands out the same scratch memory again and again and only counts what was written to it. A text too long for
    /// the scratch gets memory of its own, not kept: publishing that event would have needed as much.
    /// </summary>
    private sealed class Counter : IBufferWriter<byte>
    {
        private readonly byte[] scratch = new byte[64 * 1024];

        public long Count { get; set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint) => sizeHint <= scratch.Length ? scratch : GC.AllocateUninitializedArray<byte>(sizeHint);
    }
}
