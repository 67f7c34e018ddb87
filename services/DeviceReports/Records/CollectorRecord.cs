namespace Whfb.DeviceReports.Records;

/// <summary>
/// One event-log record as a device collector posts it to <c>/v1/events</c>, after validation.
/// <see cref="EventData"/> is case-insensitive; values are text (numbers keep their JSON text,
/// null becomes the empty string).
/// </summary>
public sealed record CollectorRecord(
    Guid DeviceId,
    string? DeviceName,
    string? UserPrincipalName,
    Guid? UserObjectId,
    string Channel,
    int EventId,
    long RecordId,
    DateTimeOffset TimeCreated,
    string Level,
    string? Provider,
    IReadOnlyDictionary<string, string> EventData,
    string? Message)
{
    /// <summary>The security identifier of the event's user (Get-WinEvent's UserId, the event's Security/@UserID).</summary>
    public string? UserSid { get; init; }

    /// <summary>The device's fully qualified name when the record gave one; <see cref="DeviceName"/> is then its host name.</summary>
    public string? DeviceFqdn { get; init; }
}
