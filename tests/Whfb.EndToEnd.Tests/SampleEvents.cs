using System.Text;
using System.Text.Json;

namespace Whfb.EndToEnd.Tests;

/// <summary>Event-log records shaped as a collector posts them.</summary>
internal static class SampleEvents
{
    // A record's time is a property of the record: a collector's retry resends it unchanged (and the history's key is
    // the record's time and its deterministic id), so it is derived from the record id, from one base per test run.
    private static readonly DateTimeOffset Base = DateTimeOffset.UtcNow.AddHours(-1);

    public static StringContent Json(Guid deviceId, long firstRecordId, int count)
    {
        var records = Enumerable.Range(0, count).Select(i => new
        {
            deviceId,
            deviceName = "PC-0001",
            user = new { upn = "ada@whfb.test" },
            channel = "Microsoft-Windows-User Device Registration/Admin",
            eventId = i % 2 == 0 ? 358 : 300,
            recordId = firstRecordId + i,
            timeCreated = Base.AddSeconds(firstRecordId + i),
            level = "Information",
            provider = "Microsoft-Windows-User Device Registration",
            eventData = new Dictionary<string, string> { ["DeviceIsJoined"] = "Yes" },
        });
        return new StringContent(JsonSerializer.Serialize(records), Encoding.UTF8, "application/json");
    }
}
