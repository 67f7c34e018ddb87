using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>Validates one record object and turns it into a <see cref="CollectorRecord"/>; the first problem wins.</summary>
internal static class CollectorRecordParser
{
    public static RecordReadError? TryParse(JsonElement root, TimeWindow window, Func<string?, Guid?>? deviceIdFor, out CollectorRecord? record)
    {
        record = null;
        if (root.ValueKind != JsonValueKind.Object)
            return new RecordReadError(RecordErrorKind.NotAnObject, "$", null, $"A record must be a JSON object, not {root.ValueKind}");

        var f = RecordFieldSet.From(root);
        if (DeviceId(f, deviceIdFor, out var deviceId) is { } e1) return e1;
        if (RequiredText(f.Channel, "channel", out var channel) is { } e2) return e2;
        var (eventIdValue, eventIdField) = RecordFieldSet.Either(f.EventId, "eventId", f.Id, "Id");
        if (RequiredInteger(eventIdValue, eventIdField, int.MinValue, int.MaxValue, out var eventId) is { } e3) return e3;
        if (RequiredInteger(f.RecordId, "recordId", long.MinValue, long.MaxValue, out var recordId) is { } e4) return e4;
        if (Time(f.TimeCreated, window, out var timeCreated) is { } e5) return e5;
        var (nameValue, nameField) = RecordFieldSet.Either(f.DeviceName, "deviceName", f.MachineName, "MachineName");
        if (OptionalText(nameValue, nameField, out var deviceName) is { } e6) return e6;
        if (OptionalText(f.Provider, "provider", out var provider) is { } e7) return e7;
        if (OptionalText(f.Message, "message", out var message) is { } e8) return e8;
        if (Level(f, out var level) is { } e9) return e9;
        if (UserParser.TryParse(f.User, out var upn, out var objectId) is { } e10) return e10;
        if (SecurityIdentifiers.TryParse(f.UserSid, "userSid", out var sid) is { } e11) return e11;
        var (dataValue, dataField) = RecordFieldSet.Either(f.EventData, "eventData", f.Properties, EventDataParser.WinEventField);
        if (EventDataParser.TryParse(dataValue, dataField, out var eventData) is { } e12) return e12;

        var (host, fqdn) = DeviceNames.Split(deviceName);
        record = new CollectorRecord(deviceId, host, upn, objectId, channel!.Trim(), (int)eventId, recordId,
            timeCreated, level, provider, eventData, message) { UserSid = sid, DeviceFqdn = fqdn };
        return null;
    }

    private static RecordReadError? DeviceId(in RecordFieldSet f, Func<string?, Guid?>? deviceIdFor, out Guid deviceId)
    {
        deviceId = Guid.Empty;
        if (deviceIdFor is not null && JsonValues.IsMissing(f.DeviceId))
        {
            var (name, _) = RecordFieldSet.Either(f.DeviceName, "deviceName", f.MachineName, "MachineName");
            var computer = name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            if (deviceIdFor(computer) is { } mapped)
            {
                deviceId = mapped;
                return null;
            }

            return Error(RecordErrorKind.MissingField, "deviceId", $"No deviceId, and no Entra device id known for computer '{computer}'");
        }

        if (RequiredText(f.DeviceId, "deviceId", out var deviceText) is { } missing)
            return missing;
        return JsonValues.TryGuid(deviceText, out deviceId) ? null : Error(RecordErrorKind.InvalidValue, "deviceId", "deviceId must be the Entra device GUID");
    }

    internal static RecordReadError Error(RecordErrorKind kind, string field, string reason) =>
        new(kind, "$." + field, field, reason);

    private static RecordReadError? RequiredText(JsonElement value, string field, out string? text)
    {
        text = null;
        if (JsonValues.IsMissing(value))
            return Error(RecordErrorKind.MissingField, field, $"{field} is required");
        if (value.ValueKind != JsonValueKind.String)
            return Error(RecordErrorKind.WrongType, field, $"{field} must be a string, not {value.ValueKind}");
        text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? Error(RecordErrorKind.MissingField, field, $"{field} is empty") : null;
    }

    private static RecordReadError? OptionalText(JsonElement value, string field, out string? text)
    {
        text = null;
        if (JsonValues.IsMissing(value))
            return null;
        if (value.ValueKind != JsonValueKind.String)
            return Error(RecordErrorKind.WrongType, field, $"{field} must be a string, not {value.ValueKind}");
        text = value.GetString();
        return null;
    }

    private static RecordReadError? RequiredInteger(JsonElement value, string field, long min, long max, out long result)
    {
        result = 0;
        if (JsonValues.IsMissing(value))
            return Error(RecordErrorKind.MissingField, field, field == "eventId" ? "eventId (or Get-WinEvent's Id) is required" : $"{field} is required");
        if (value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            return Error(RecordErrorKind.WrongType, field, $"{field} must be an integer, not {value.ValueKind}");
        return JsonValues.TryInt64(value, out result) && result >= min && result <= max
            ? null
            : Error(RecordErrorKind.InvalidValue, field, $"{field} must be an integer in range");
    }

    private static RecordReadError? Time(JsonElement value, TimeWindow window, out DateTimeOffset time)
    {
        time = default;
        if (JsonValues.IsMissing(value))
            return Error(RecordErrorKind.MissingField, "timeCreated", "timeCreated is required");
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
            return Error(RecordErrorKind.WrongType, "timeCreated", $"timeCreated must be an ISO 8601 string, not {value.ValueKind}");
        if (!JsonValues.TryTime(value, out time))
            return Error(RecordErrorKind.InvalidValue, "timeCreated", "timeCreated is not a valid time");
        return window.Check(time, "timeCreated");
    }

    private static RecordReadError? Level(in RecordFieldSet f, out string level)
    {
        level = "Unknown";
        var value = JsonValues.IsMissing(f.Level) ? f.LevelName : f.Level;
        if (JsonValues.IsMissing(value))
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            level = JsonValues.LevelName(number);
        else if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            level = value.GetString()!.Trim();
        else if (value.ValueKind != JsonValueKind.String)
            return Error(RecordErrorKind.WrongType, "level", $"level must be a name or a number, not {value.ValueKind}");
        return null;
    }
}
