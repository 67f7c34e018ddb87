namespace Whfb.Contracts.Devices;

/// <summary>
/// A batch of raw device event-log records accepted by Ingest for one tenant. History travels in
/// batches (hundreds of records per message), never one message per record.
/// </summary>
public sealed record DeviceEventsRecorded(
    Guid BatchId,
    Guid TenantId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<DeviceEventRecord> Events);
