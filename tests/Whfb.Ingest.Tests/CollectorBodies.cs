using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Whfb.Ingest.Tests;

/// <summary>Request bodies as collectors post them.</summary>
internal static class CollectorBodies
{
    public const string Channel = "Microsoft-Windows-User Device Registration/Admin";

    public static string Sample(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", relative));

    /// <summary>A policy-state sample collected an hour ago (the samples keep the day they were written, older than Ingest accepts).</summary>
    public static string RecentPolicyState(string relative) =>
        Sample(relative).Replace("2025-05-20T08:00:00Z", $"{DateTimeOffset.UtcNow.AddHours(-1):O}", StringComparison.Ordinal);

    public static Dictionary<string, object?> Record(Guid device, long recordId, int eventId = 300) => new()
    {
        ["deviceId"] = device,
        ["deviceName"] = "PC-0001",
        ["user"] = new { upn = "ada@whfb.test" },
        ["channel"] = Channel,
        ["eventId"] = eventId,
        ["recordId"] = recordId,
        ["timeCreated"] = DateTimeOffset.UtcNow.AddMinutes(-5),
        ["level"] = "Information",
        ["eventData"] = new Dictionary<string, string> { ["KeyId"] = "{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}", ["UPN"] = "ada@whfb.test", ["Attestation"] = "ATT_TPM" },
    };

    public static HttpContent Ndjson(IEnumerable<object> records) =>
        Text(string.Join('\n', records.Select(r => JsonSerializer.Serialize(r))), "application/x-ndjson");

    public static HttpContent Json(object value) => Text(JsonSerializer.Serialize(value), "application/json");

    public static HttpContent Text(string text, string mediaType) => Bytes(Encoding.UTF8.GetBytes(text), mediaType);

    public static HttpContent Bytes(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }
}
