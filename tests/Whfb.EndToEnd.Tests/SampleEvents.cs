using System.Text;
using System.Text.Json;

namespace Whfb.EndToEnd.Tests;

/// <summary>Event-log records shaped as a collector posts them.</summary>
internal static class SampleEvents
{
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
            timeCreated = DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(i),
            level = "Information",
            provider = "Microsoft-Windows-User Device Registration",
            eventData = new Dictionary<string, string> { ["DeviceIsJoined"] = "Yes" },
        });
        return new StringContent(JsonSerializer.Serialize(records), Encoding.UTF8, "application/json");
    }
}
