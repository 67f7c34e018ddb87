using System.Buffers;
using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// A record written back as the JSON a collector posts (README's shape), so a record read from any format (event
/// XML, Get-WinEvent output) travels to Ingest as one: reading it again gives the same record.
/// </summary>
public static class CollectorRecordJson
{
    public static void Write(Utf8JsonWriter json, CollectorRecord r)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(r);
        json.WriteStartObject();
        json.WriteString("deviceId", r.DeviceId);
        Optional(json, "deviceName", r.DeviceFqdn ?? r.DeviceName);
        if (r.UserPrincipalName is not null || r.UserObjectId is not null)
        {
            json.WriteStartObject("user");
            Optional(json, "upn", r.UserPrincipalName);
            if (r.UserObjectId is { } id)
                json.WriteString("objectId", id);
            json.WriteEndObject();
        }

        Optional(json, "userSid", r.UserSid);
        json.WriteString("channel", r.Channel);
        json.WriteNumber("eventId", r.EventId);
        json.WriteNumber("recordId", r.RecordId);
        json.WriteString("timeCreated", r.TimeCreated);
        json.WriteString("level", r.Level);
        Optional(json, "provider", r.Provider);
        json.WriteStartObject("eventData");
        foreach (var (name, value) in r.EventData)
            json.WriteString(name, value);
        json.WriteEndObject();
        Optional(json, "message", r.Message);
        json.WriteEndObject();
    }

    /// <summary>Records as NDJSON, one per line.</summary>
    public static byte[] Ndjson(IEnumerable<CollectorRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        foreach (var record in records)
        {
            Write(json, record);
            json.Flush();
            buffer.Write("\n"u8);
            json.Reset(buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }
}
