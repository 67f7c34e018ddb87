using System.Globalization;

namespace Whfb.DeviceReports.Records.Xml;

/// <summary>
/// Validates the fields of one <c>&lt;Event&gt;</c> and makes the <see cref="CollectorRecord"/> a JSON record with the
/// same values would give, so both paths normalize alike. Errors name the record field and, as the path, where the
/// value sits in the event's XML. Without RenderingInfo there is no message: values come from EventData alone.
/// </summary>
internal static class EventXmlRecord
{
    public static RecordReadError? TryCreate(EventXmlFields f, Guid? deviceId, TimeWindow window, out CollectorRecord? record)
    {
        record = null;
        if (deviceId is not { } device)
            return Error(RecordErrorKind.MissingField, "deviceId", "System/Computer",
                $"No Entra device id for computer '{f.Computer}': post one device's events with ?deviceId=<Entra device GUID>, or import with whfb events import --device-map");
        if (string.IsNullOrWhiteSpace(f.Channel))
            return Error(RecordErrorKind.MissingField, "channel", "System/Channel", "System/Channel is required");
        if (!int.TryParse(f.EventId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var eventId))
            return Missing(f.EventId, "eventId", "System/EventID", "an integer");
        if (!long.TryParse(f.RecordId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var recordId))
            return Missing(f.RecordId, "recordId", "System/EventRecordID", "an integer");
        if (!JsonValues.TryTime(f.TimeCreated, out var time) || string.IsNullOrWhiteSpace(f.TimeCreated))
            return Missing(f.TimeCreated, "timeCreated", "System/TimeCreated/@SystemTime", "an ISO 8601 time");
        if (window.Check(time, "timeCreated") is { } timeError)
            return timeError with { Path = "System/TimeCreated/@SystemTime" };
        string? sid = null;
        if (!string.IsNullOrWhiteSpace(f.UserSid) && (sid = SecurityIdentifiers.Normalize(f.UserSid)) is null)
            return Error(RecordErrorKind.InvalidValue, "userSid", "System/Security/@UserID", "System/Security/@UserID must be a SID such as S-1-5-21-…");

        var (host, fqdn) = DeviceNames.Split(f.Computer);
        record = new CollectorRecord(device, host, null, null, f.Channel.Trim(), eventId, recordId, time, Level(f),
            Blank(f.Provider), EventData(f), Blank(f.Message)) { UserSid = sid, DeviceFqdn = fqdn };
        return null;
    }

    private static string Level(EventXmlFields f)
    {
        if (Blank(f.RenderedLevel) is { } rendered)
            return rendered;
        return long.TryParse(f.Level, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? JsonValues.LevelName(number) : "Unknown";
    }

    private static Dictionary<string, string> EventData(EventXmlFields f)
    {
        var data = new Dictionary<string, string>(f.Data.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < f.Data.Count; i++)
        {
            var (name, value) = f.Data[i];
            data.TryAdd(string.IsNullOrWhiteSpace(name) ? i.ToString(CultureInfo.InvariantCulture) : name.Trim(), value);
        }

        return data;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static RecordReadError Missing(string? value, string field, string path, string what) => string.IsNullOrWhiteSpace(value)
        ? Error(RecordErrorKind.MissingField, field, path, $"{path} is required")
        : Error(RecordErrorKind.InvalidValue, field, path, $"{path} must be {what}");

    private static RecordReadError Error(RecordErrorKind kind, string field, string path, string reason) => new(kind, path, field, reason);
}
