using System.Text;
using System.Text.Json;
using MassTransit.RabbitMqTransport;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Records;
using Whfb.Ingest.Apis;

namespace Whfb.Benchmarks.Ingest;

/// <summary>
/// A pool of collector batches (NDJSON bodies for Ingest) and, for the raw baseline, the very messages Ingest publishes
/// for each of them (the records' typed events in one <see cref="DeviceEventBatch{T}"/> per type, as Ingest's default
/// EventsPerMessage splits them), serialized as JSON.
/// </summary>
public sealed class BenchmarkPayloads
{
    private static readonly RabbitMqMessageNameFormatter Names = new();

    private BenchmarkPayloads(List<byte[]> bodies, List<List<(string Exchange, byte[] Body)>> messages)
    {
        Bodies = bodies;
        Messages = messages;
    }

    public IReadOnlyList<byte[]> Bodies { get; }

    public IReadOnlyList<List<(string Exchange, byte[] Body)>> Messages { get; }

    public static BenchmarkPayloads Create(int batches, int recordsPerBatch, Guid tenant)
    {
        var reader = new CollectorRecordReader(TimeProvider.System, new CollectorRecordReaderOptions { MaxRecords = recordsPerBatch });
        var bodies = new List<byte[]>();
        var messages = new List<List<(string, byte[])>>();
        for (var b = 0; b < batches; b++)
        {
            var device = Guid.NewGuid();
            var lines = Enumerable.Range(0, recordsPerBatch).Select(i => JsonSerializer.Serialize(CollectorRecordBody.Create(device, b * recordsPerBatch + i, DateTimeOffset.UtcNow.AddMinutes(-10), "PC-BENCH", "bench@whfb.test")));
            var body = Encoding.UTF8.GetBytes(string.Join('\n', lines));
            bodies.Add(body);
            var records = reader.ReadAll(body).ValidRecords.ToList();
            messages.Add(DeviceEventBatch.Of(DeviceEventMessages.For(tenant, records), new Whfb.Ingest.IngestOptions().EventsPerMessage)
                .Select(m => (Names.GetMessageName(m.GetType()).ToString(), JsonSerializer.SerializeToUtf8Bytes(m, m.GetType())))
                .ToList());
        }

        return new BenchmarkPayloads(bodies, messages);
    }
}
