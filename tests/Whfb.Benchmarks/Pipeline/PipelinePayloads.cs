using System.Text;
using System.Text.Json;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;
using Whfb.Insights.Model;

namespace Whfb.Benchmarks.Pipeline;

/// <summary>One collector POST: its NDJSON body, its device (one device per body) and the history rows it becomes.</summary>
public sealed record CollectorPost(Guid Device, byte[] Body, IReadOnlyList<HistoryRow> Rows);

/// <summary>
/// Collector batches of distinct records (a device per batch, record ids and times fixed per record, the Device
/// Registration event ids in a round-robin mix, one in seven a generic log entry), and for the raw baseline the very
/// rows Insights stores for them: each record normalized the way Ingest does, as its typed event's history row.
/// </summary>
public static class PipelinePayloads
{
    public static List<CollectorPost> Create(Guid tenant, int posts, int recordsPerPost)
    {
        var reader = new CollectorRecordReader(TimeProvider.System, new CollectorRecordReaderOptions { MaxRecords = recordsPerPost });
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var result = new List<CollectorPost>(posts);
        for (var p = 0; p < posts; p++)
        {
            var device = Guid.NewGuid();
            var body = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, recordsPerPost)
                .Select(i => JsonSerializer.Serialize(CollectorRecordBody.Create(device, i, start.AddMilliseconds(i * 10.0), "PC-PIPE", "pipe@whfb.test")))));
            var rows = reader.ReadAll(body).ValidRecords.Select(r => Row(DeviceEventNormalizer.Normalize(tenant, r))).ToList();
            result.Add(new CollectorPost(device, body, rows));
        }

        return result;
    }

    private static HistoryRow Row(NormalizedDeviceEvent e) => new(e.Header.EventId, e.Header.TenantId, e.Message.GetType().Name,
        e.Header.TimeCreated, e.Message, e.Header.DeviceId, e.Header.UserObjectId, e.Header.UserPrincipalName);
}
