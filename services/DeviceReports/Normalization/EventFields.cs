using System.Text.Json;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Normalization;

/// <summary>
/// The values of one record, looked up by EventData name first and by rendered-message label
/// second: collectors differ, some send only EventData, some only the message.
/// </summary>
internal sealed class EventFields(CollectorRecord record, ReadOnlySpan<MessageLabel> labels)
{
    private readonly Dictionary<string, string> _message = LabeledText.Parse(record.Message, labels);

    public string? Get(string eventDataName, params ReadOnlySpan<string> labels)
    {
        if (record.EventData.TryGetValue(eventDataName, out var value) && !string.IsNullOrWhiteSpace(value))
            return value.Trim();
        foreach (var label in labels)
        {
            if (_message.TryGetValue(label, out var text))
                return text;
        }

        return null;
    }

    /// <summary>A short token (UPN, attestation, id) without the sentence's trailing period.</summary>
    public static string? Token(string? value) =>
        value?.Trim().TrimEnd('.').Trim() is { Length: > 0 } token ? token : null;

    public static Guid? Guid(string? value) =>
        System.Guid.TryParse(Token(value), out var id) ? id : null;

    /// <summary>A string property of a JSON object held as text (e.g. "kid" in a server response); null if not JSON.</summary>
    public static string? JsonProperty(string? json, string name)
    {
        if (string.IsNullOrWhiteSpace(json) || !json.TrimStart().StartsWith('{'))
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
