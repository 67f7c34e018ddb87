namespace Whfb.Contracts.Devices;

/// <summary>
/// What every normalized device event carries: who, where and when, plus the deterministic
/// <see cref="EventId"/> (UUIDv5 of tenant, device, channel and record id) so that consumers
/// de-duplicate a collector's retries.
/// </summary>
public sealed record DeviceEventHeader(
    Guid EventId,
    Guid TenantId,
    Guid DeviceId,
    string? DeviceName,
    string? UserPrincipalName,
    Guid? UserObjectId,
    string Channel,
    int WindowsEventId,
    long RecordId,
    DateTimeOffset TimeCreated);
