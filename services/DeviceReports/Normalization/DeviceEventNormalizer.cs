using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Normalization;

/// <summary>
/// Turns a validated collector record into its typed contract. Only the User Device
/// Registration channel has typed events; every other record becomes a
/// <see cref="DeviceLogEntryRecorded"/>, so nothing is dropped. Pure and thread-safe.
/// </summary>
public static class DeviceEventNormalizer
{
    public const string DeviceRegistrationChannel = "Microsoft-Windows-User Device Registration/Admin";

    public static NormalizedDeviceEvent Normalize(Guid tenantId, CollectorRecord record)
    {
        var header = Header(tenantId, record);
        object? message = IsDeviceRegistrationChannel(record.Channel) ? record.EventId switch
        {
            358 or 360 or 361 or 362 => ReadinessParser.Parse(header, record),
            300 => KeyEventParsers.Registered(header, record),
            301 => KeyEventParsers.RegistrationFailed(header, record),
            304 or 305 or 307 => DeviceEventParsers.RegistrationFailed(header, record),
            308 => DeviceEventParsers.NonEntraUser(header, record),
            346 => KeyEventParsers.Removed(header, record),
            _ => null,
        } : null;
        message ??= new DeviceLogEntryRecorded(header, record.Level, record.Provider, record.EventData, record.Message);
        return new NormalizedDeviceEvent(header, message);
    }

    public static DeviceEventHeader Header(Guid tenantId, CollectorRecord record) => new(
        DeterministicIds.ForDeviceEvent(tenantId, record.DeviceId, record.Channel, record.RecordId),
        tenantId,
        record.DeviceId,
        record.DeviceName,
        record.UserPrincipalName,
        record.UserObjectId,
        record.Channel,
        record.EventId,
        record.RecordId,
        record.TimeCreated)
    {
        UserSid = record.UserSid,
        DeviceFqdn = record.DeviceFqdn,
    };

    /// <summary>The channel, tolerating case differences and a missing "/Admin" suffix.</summary>
    public static bool IsDeviceRegistrationChannel(string channel) =>
        channel.StartsWith("Microsoft-Windows-User Device Registration", StringComparison.OrdinalIgnoreCase)
        && !channel.EndsWith("/Debug", StringComparison.OrdinalIgnoreCase)
        && !channel.EndsWith("/Analytic", StringComparison.OrdinalIgnoreCase);
}
