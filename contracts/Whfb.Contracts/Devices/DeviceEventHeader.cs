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
    DateTimeOffset TimeCreated)
{
    /// <summary>
    /// The security identifier of the event's user (the event's Security/@UserID). For a domain account it is the AD
    /// user's objectSid, so a device event joins to AD without Graph. Null in messages from before it existed.
    /// </summary>
    public string? UserSid { get; init; }

    /// <summary>The device's fully qualified name when the collector gave one (<see cref="DeviceName"/> is its host name).</summary>
    public string? DeviceFqdn { get; init; }
}
