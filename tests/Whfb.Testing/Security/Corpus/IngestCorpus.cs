using System.Globalization;

namespace Whfb.Testing.Security.Corpus;

/// <summary>
/// Bad input for Ingest: the three collector endpoints (events as NDJSON, JSON array and XML; dsregcmd; policy-state),
/// enrollment and the collector-key admin API. Credentials: "collector" (an enrollment key), "device" (the key of
/// <see cref="Device"/>), "admin". A field named "line N" means the problem names the line of the body at fault.
/// </summary>
public static class IngestCorpus
{
    /// <summary>The device the "device" credential is bound to; <see cref="OtherDevice"/> is one it may not post for.</summary>
    public static readonly Guid Device = Guid.Parse("d0000000-0000-4000-8000-00000000000d");
    public static readonly Guid OtherDevice = Guid.Parse("e0000000-0000-4000-8000-00000000000e");

    private const string Ndjson = "application/x-ndjson";
    private const string Json = "application/json";
    private const string Xml = "application/xml";
    private const string Text = "text/plain";

    private static string Recent => DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>One record field changed (null: removed), and the field the problem must name.</summary>
    private static IEnumerable<(string Why, string Field, string Key, string? Json)> RecordMutations() =>
    [
        ("no device id", "deviceId", "deviceId", null),
        ("device id not a GUID", "deviceId", "deviceId", "\"PC-0001\""),
        ("device id a number", "deviceId", "deviceId", "42"),
        ("device id null", "deviceId", "deviceId", "null"),
        ("device id empty", "deviceId", "deviceId", "\"\""),
        ("device id an object", "deviceId", "deviceId", "{}"),
        ("no event id", "eventId", "eventId", null),
        ("event id a word", "eventId", "eventId", "\"three hundred\""),
        ("event id a fraction", "eventId", "eventId", "300.5"),
        ("event id beyond int", "eventId", "eventId", "99999999999"),
        ("record id a string", "recordId", "recordId", "\"one\""),
        ("record id an array", "recordId", "recordId", "[1]"),
        ("no time", "timeCreated", "timeCreated", null),
        ("time a number", "timeCreated", "timeCreated", "5"),
        ("time not a time", "timeCreated", "timeCreated", "\"yesterday\""),
        ("year 1", "timeCreated", "timeCreated", "\"0001-01-01T00:00:00Z\""),
        ("year 2999", "timeCreated", "timeCreated", "\"2999-01-01T00:00:00Z\""),
        ("older than the window", "timeCreated", "timeCreated", "\"1901-01-01T00:00:00Z\""),
        ("no channel", "channel", "channel", null),
        ("channel a number", "channel", "channel", "7"),
        ("channel empty", "channel", "channel", "\"  \""),
        ("device name a number", "deviceName", "deviceName", "5"),
        ("NUL in the device name", "deviceName", "deviceName", "\"PC\\u0000\""),
        ("lone surrogate in the message", "message", "message", "\"\\ud800\""),
        ("level an object", "level", "level", "{}"),
    ];

    private static string Record(string? key = null, string? json = null, bool remove = false)
    {
        var fields = new List<(string Key, string Json)>
        {
            ("deviceId", $"\"{OtherDevice}\""), ("deviceName", "\"PC-0001\""), ("channel", "\"Microsoft-Windows-User Device Registration/Admin\""),
            ("eventId", "300"), ("recordId", "1"), ("timeCreated", $"\"{Recent}\""), ("level", "\"Information\""),
        };
        fields.RemoveAll(f => f.Key == key);
        if (key is not null && !remove)
        {
            fields.Add((key, json!));
        }

        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Json}")) + "}";
    }

    private static IEnumerable<BadInputCase> Events()
    {
        foreach (var (_, field, key, json) in RecordMutations())
        {
            var record = Record(key, json, remove: json is null);
            yield return new("collector", "POST", "/v1/events", Ndjson, record, 400, field);
            yield return new("collector", "POST", "/v1/events", Json, $"[{record}]", 400, field);
            yield return new("collector", "POST", "/v1/events", Ndjson, $"{Record("eventId", "\"bad\"")}\n{record}", 400, field);
        }

        yield return new("collector", "POST", "/v1/events", Ndjson, "{\"deviceId\": ", 400, "line 1");
        yield return new("collector", "POST", "/v1/events", Ndjson, "{\"a\":1}\n{nope\n", 400, "line 2");
        yield return new("collector", "POST", "/v1/events", Json, "[1, 2]", 400, "line 1");
        yield return new("collector", "POST", "/v1/events", Json, "null", 400, "line 1");
        yield return new("collector", "POST", "/v1/events", Json, "\"text\"", 400, "line 1");
        yield return new("collector", "POST", "/v1/events", Json, "[{\"deviceId\": \"x\"", 400, "line 1");
        yield return new("collector", "POST", "/v1/events", Ndjson, null, 400, "line 1") { RawBody = [.. "{\"deviceId\":\""u8, 0xC3, 0x28, .. "\"}"u8] };
        yield return new("device", "POST", "/v1/events", Ndjson, Record(), 403, "deviceId");
        yield return new("device", "POST", "/v1/events", Json, $"[{Record("deviceId", $"\"{Device}\"")},{Record()}]", 403, "deviceId");
    }

    private static IEnumerable<BadInputCase> XmlEvents()
    {
        var recent = Recent;
        var xml = $"<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-User Device Registration\"/>"
            + $"<EventID>300</EventID><Level>4</Level><TimeCreated SystemTime=\"{recent}\"/><EventRecordID>7</EventRecordID>"
            + "<Channel>Microsoft-Windows-User Device Registration/Admin</Channel><Computer>PC-0001</Computer></System></Event>";
        yield return new("collector", "POST", "/v1/events", Xml, xml, 400, "deviceId");
        yield return new("collector", "POST", "/v1/events?deviceId=PC-0001", Xml, xml, 400, "deviceId");
        yield return new("collector", "POST", "/v1/events?deviceId=", Xml, xml, 400, "deviceId");
        yield return new("device", "POST", $"/v1/events?deviceId={OtherDevice}", Xml, xml, 403, "deviceId");
        yield return new("collector", "POST", $"/v1/events?deviceId={OtherDevice}", "text/xml", "<Event><System>", 400, "line 1");
        yield return new("collector", "POST", $"/v1/events?deviceId={OtherDevice}", Xml, "not xml at all", 400, "line 1");
        yield return new("collector", "POST", $"/v1/events?deviceId={OtherDevice}", Xml,
            "<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Event><System><Channel>&x;</Channel></System></Event>", 400, "line 1");
        yield return new("collector", "POST", $"/v1/events?deviceId={OtherDevice}", Xml, xml.Replace("<EventID>300</EventID>", "", StringComparison.Ordinal), 400, "EventID");
        yield return new("collector", "POST", $"/v1/events?deviceId={OtherDevice}", Xml, xml.Replace("<EventID>300</EventID>", "<EventID>abc</EventID>", StringComparison.Ordinal), 400, "EventID");
        yield return new("collector", "POST", $"/v1/events?deviceId={OtherDevice}", Xml, xml.Replace(recent, "2999-01-01T00:00:00Z", StringComparison.Ordinal), 400, "TimeCreated");
        yield return new("collector", "POST", $"/v1/events?deviceId={OtherDevice}", Xml, xml.Replace(recent, "soon", StringComparison.Ordinal), 400, "TimeCreated");
        yield return new("collector", "POST", $"/v1/events?deviceId={OtherDevice}", Xml, xml.Replace("<Channel>Microsoft-Windows-User Device Registration/Admin</Channel>", "", StringComparison.Ordinal), 400, "Channel");
    }

    private static IEnumerable<BadInputCase> Dsregcmd()
    {
        var status = $"+----------------------------------------------------------------------+\n| Device State |\n+----------------------------------------------------------------------+\n\n             AzureAdJoined : YES\n          DomainJoined : NO\n\n| Device Details |\n\n                 DeviceId : {OtherDevice}\n";
        var noDevice = "| Device State |\n\n             AzureAdJoined : NO\n          DomainJoined : YES\n";
        yield return new("collector", "POST", "/v1/dsregcmd?deviceId=PC-0001", Text, status, 400, "deviceId");
        yield return new("collector", "POST", "/v1/dsregcmd?deviceId=", Text, status, 400, "deviceId");
        yield return new("collector", "POST", "/v1/dsregcmd?deviceId=1", Text, status, 400, "deviceId");
        yield return new("collector", "POST", "/v1/dsregcmd?collectedAt=noon", Text, status, 400, "collectedAt");
        yield return new("collector", "POST", "/v1/dsregcmd?collectedAt=2026-13-45T00:00:00Z", Text, status, 400, "collectedAt");
        yield return new("collector", "POST", "/v1/dsregcmd?collectedAt=1900-01-01T00:00:00Z", Text, status, 400, "collectedAt");
        yield return new("collector", "POST", "/v1/dsregcmd?collectedAt=2999-01-01T00:00:00Z", Text, status, 400, "collectedAt");
        yield return new("collector", "POST", "/v1/dsregcmd", Text, noDevice, 400, "deviceId");
        yield return new("collector", "POST", "/v1/dsregcmd", Text, "", 400, "deviceId");
        yield return new("collector", "POST", "/v1/dsregcmd", Text, status.Replace("DomainJoined", "Domain\0Joined", StringComparison.Ordinal), 400, "line 6");
        yield return new("collector", "POST", "/v1/dsregcmd", Text, null, 400, "UTF-8") { RawBody = [.. "DeviceId : "u8, 0xFF, 0xFE] };
        yield return new("device", "POST", $"/v1/dsregcmd?deviceId={OtherDevice}", Text, status, 403, "deviceId");
        yield return new("device", "POST", "/v1/dsregcmd", Text, status, 403, "DeviceId");
    }

    private static IEnumerable<BadInputCase> PolicyState()
    {
        string State(string deviceId, string collectedAt, string rest = "\"gpo\":{},\"mdm\":{}") => $"{{\"deviceId\":{deviceId},\"collectedAt\":{collectedAt},{rest}}}";
        var at = $"\"{Recent}\"";
        var device = $"\"{OtherDevice}\"";
        yield return new("collector", "POST", "/v1/policy-state", Json, "{\"collectedAt\":" + at + "}", 400, "deviceId");
        yield return new("collector", "POST", "/v1/policy-state", Json, State("\"nope\"", at), 400, "deviceId");
        yield return new("collector", "POST", "/v1/policy-state", Json, State("7", at), 400, "deviceId");
        yield return new("collector", "POST", "/v1/policy-state", Json, State("null", at), 400, "deviceId");
        yield return new("collector", "POST", "/v1/policy-state", Json, "{\"deviceId\":" + device + "}", 400, "collectedAt");
        yield return new("collector", "POST", "/v1/policy-state", Json, State(device, "\"later\""), 400, "collectedAt");
        yield return new("collector", "POST", "/v1/policy-state", Json, State(device, "true"), 400, "collectedAt");
        yield return new("collector", "POST", "/v1/policy-state", Json, State(device, "\"1900-01-01T00:00:00Z\""), 400, "collectedAt");
        yield return new("collector", "POST", "/v1/policy-state", Json, State(device, "\"2999-01-01T00:00:00Z\""), 400, "collectedAt");
        yield return new("collector", "POST", "/v1/policy-state", Json, State(device, at, "\"gpo\":[1],\"mdm\":{}"), 400, "gpo");
        yield return new("collector", "POST", "/v1/policy-state", Json, State(device, at, "\"gpo\":{},\"mdm\":\"x\""), 400, "mdm");
        yield return new("collector", "POST", "/v1/policy-state", Json, "{\"deviceId\": ", 400, "line 1");
        yield return new("collector", "POST", "/v1/policy-state", Json, "[]", 400, "line 1");
        yield return new("collector", "POST", "/v1/policy-state", Json, "", 400, "line 1");
        yield return new("device", "POST", "/v1/policy-state", Json, State(device, at), 403, "deviceId");
    }

    private static IEnumerable<BadInputCase> Enroll()
    {
        yield return new("collector", "POST", "/v1/enroll", Json, "{\"deviceId\": ", 400, "body");
        yield return new("collector", "POST", "/v1/enroll", Json, "[]", 400, "body");
        yield return new("collector", "POST", "/v1/enroll", Json, "", 400, "body");
        yield return new("collector", "POST", "/v1/enroll", Json, "{}", 400, "deviceId");
        yield return new("collector", "POST", "/v1/enroll", Json, "{\"deviceId\":\"PC-0001\"}", 400, "deviceId");
        yield return new("collector", "POST", "/v1/enroll", Json, "{\"deviceId\":42}", 400, "deviceId");
        yield return new("collector", "POST", "/v1/enroll", Json, $"{{\"deviceId\":\"{Guid.Empty}\"}}", 400, "deviceId");
        foreach (var name in new[] { "5", "\"\"", "\"   \"", $"\"{new string('n', 201)}\"", "\"PC\\u0007\"", "\"PC\\u0000\"", "\"\\ud800\"", "[]" })
        {
            yield return new("collector", "POST", "/v1/enroll", Json, $"{{\"deviceId\":\"{OtherDevice}\",\"deviceName\":{name}}}", 400, "deviceName");
        }

        yield return new("collector", "POST", "/v1/enroll", Json, $"{{\"deviceId\":\"{OtherDevice}\",\"deviceName\":\"{new string('n', 5000)}\"}}", 413, "body");
    }

    private static IEnumerable<BadInputCase> CollectorKeys()
    {
        const string keys = "/v1/admin/collector-keys";
        foreach (var name in new[] { "\"\"", "\"  \"", $"\"{new string('k', 201)}\"", "\"key\\u0001\"", "\"key\\u0000\"", "null", "\"\\udc00\"", "7" })
        {
            yield return new("admin", "POST", keys, Json, $"{{\"name\":{name}}}", 400, "name");
        }

        foreach (var kind in new[] { "\"device\"", "\"bogus\"", "\"1\"", "\"enrollment,import\"", "5" })
        {
            yield return new("admin", "POST", keys, Json, $"{{\"name\":\"ok\",\"kind\":{kind}}}", 400, "kind");
        }

        yield return new("admin", "POST", keys, Json, "{\"name\": ", 400, "name");
        yield return new("admin", "POST", keys, Json, "[]", 400, "body");
        foreach (var (query, field) in new[]
        {
            ("kind=bogus", "kind"), ("kind=2", "kind"), ("deviceId=PC-0001", "deviceId"), ("active=maybe", "active"), ("offset=-1", "offset"),
            ("offset=abc", "offset"), ("limit=0", "limit"), ("limit=10001", "limit"), ("limit=1.5", "limit"), ("limit=99999999999", "limit"),
        })
        {
            yield return new("admin", "GET", $"{keys}?{query}", null, null, 400, field);
        }

        yield return new("admin", "DELETE", $"{keys}/{Guid.NewGuid()}", null, null, 404, "collector key");
        yield return new("admin", "DELETE", $"{keys}/devices/{Guid.NewGuid()}", null, null, 404, "device");
    }

    public static IReadOnlyList<BadInputCase> Cases { get; } =
        [.. Events(), .. XmlEvents(), .. Dsregcmd(), .. PolicyState(), .. Enroll(), .. CollectorKeys()];
}
