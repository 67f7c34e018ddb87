namespace Whfb.Contracts.Devices;

/// <summary>
/// One event-log record as a collector sent it, with its deterministic <see cref="Id"/>
/// (UUIDv5 of tenant, device, channel and record id) so that every consumer can de-duplicate
/// a collector's retries.
/// </summary>
public sealed record DeviceEventRecord(
    Guid Id,
    Guid DeviceId,
    string? DeviceName,
    string? UserPrincipalName,
    Guid? UserObjectId,
    string Channel,
    int WindowsEventId,
    long RecordId,
    DateTimeOffset TimeCreated,
    string Level,
    string? Provider,
    IReadOnlyDictionary<string, string> EventData,
    string? Message);
