using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;

namespace Whfb.Ingest.Apis;

/// <summary>
/// What one accepted request puts on the bus: every record as its typed lifecycle event (one message each, for the
/// services that react to them) and the raw history in batches of <see cref="IngestOptions.BatchSize"/>.
/// </summary>
public static class DeviceEventMessages
{
    public static List<object> For(Guid tenantId, IReadOnlyList<CollectorRecord> records, int batchSize, DateTimeOffset receivedAt)
    {
        var messages = new List<object>(records.Count + (records.Count / batchSize) + 1);
        foreach (var record in records)
            messages.Add(DeviceEventNormalizer.Normalize(tenantId, record).Message);
        foreach (var chunk in records.Chunk(batchSize))
            messages.Add(DeviceEventRecordMapper.ToBatch(Guid.CreateVersion7(receivedAt), tenantId, receivedAt, chunk));
        return messages;
    }
}
