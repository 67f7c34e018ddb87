using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Normalization;

/// <summary>Maps collector records to the raw history contract, with the same deterministic id as the typed events.</summary>
public static class DeviceEventRecordMapper
{
    public static DeviceEventRecord ToRecord(Guid tenantId, CollectorRecord record) => new(
        DeterministicIds.ForDeviceEvent(tenantId, record.DeviceId, record.Channel, record.RecordId),
        record.DeviceId,
        record.DeviceName,
        record.UserPrincipalName,
        record.UserObjectId,
        record.Channel,
        record.EventId,
        record.RecordId,
        record.TimeCreated,
        record.Level,
        record.Provider,
        record.EventData,
        record.Message);

    /// <summary>One batch message for a tenant (history travels in batches, never one message per record).</summary>
    public static DeviceEventsRecorded ToBatch(Guid batchId, Guid tenantId, DateTimeOffset receivedAt, IEnumerable<CollectorRecord> records) =>
        new(batchId, tenantId, receivedAt, records.Select(r => ToRecord(tenantId, r)).ToList());
}
