using System.Text.Json;
using System.Text.Json.Serialization;
using Whfb.DeviceReports.Json;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;

namespace Whfb.Cli.Events;

/// <summary>
/// <c>--dry-run</c>: each record of the file as Ingest would publish it (the typed event, normalized with an all-zero
/// tenant: the real one comes from the collector key), or why it would be refused. Offline.
/// </summary>
public static class DryRun
{
    public sealed record Entry(
        int Index,
        int Line,
        RecordReadStatus Status,
        string? Type,
        [property: JsonConverter(typeof(ObjectAsRuntimeType))] object? Event,
        RecordReadError? Error);

    public static IReadOnlyList<Entry> Entries(IEnumerable<RecordReadResult> results) => results.Select(r =>
    {
        if (r.Record is not { } record)
            return new Entry(r.Index, r.Line, r.Status, null, null, r.Error);
        var message = DeviceEventNormalizer.Normalize(Guid.Empty, record).Message;
        return new Entry(r.Index, r.Line, r.Status, message.GetType().Name, message, null);
    }).ToList();

    public static string Json(IReadOnlyList<Entry> entries) => JsonSerializer.Serialize(entries, DeviceReportsJson.Options);

    /// <summary>Writes the event as its own type, not as object (which would print nothing).</summary>
    private sealed class ObjectAsRuntimeType : JsonConverter<object>
    {
        public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}
