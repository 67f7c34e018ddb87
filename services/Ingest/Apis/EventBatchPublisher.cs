using MassTransit;
using Microsoft.Extensions.Options;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;

namespace Whfb.Ingest.Apis;

/// <summary>
/// Publishes accepted records as history batches and returns only once RabbitMQ confirmed every publish,
/// so a 202 means the records are safe in the broker.
/// </summary>
public sealed class EventBatchPublisher(IPublishEndpoint bus, TimeProvider time, IOptions<IngestOptions> options)
{
    public async Task PublishAsync(Guid tenantId, IReadOnlyList<CollectorRecord> records, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var receivedAt = time.GetUtcNow();
        var publishes = records.Chunk(options.Value.BatchSize).Select(chunk => bus.Publish(
            new DeviceEventsRecorded(Guid.CreateVersion7(receivedAt), tenantId, receivedAt, chunk.Select(r => ToHistory(tenantId, r)).ToList()),
            timeout.Token));
        await Task.WhenAll(publishes);
    }

    private static DeviceEventRecord ToHistory(Guid tenantId, CollectorRecord r) => new(
        DeterministicIds.ForDeviceEvent(tenantId, r.DeviceId, r.Channel, r.RecordId),
        r.DeviceId, r.DeviceName, r.UserPrincipalName, r.UserObjectId, r.Channel, r.EventId, r.RecordId,
        r.TimeCreated, r.Level, r.Provider, r.EventData, r.Message);
}
