using System.Globalization;
using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// EventData as collectors send it: an array of <c>{"name": …, "value": …}</c> pairs, or an object map; or
/// <c>Get-WinEvent</c>'s Properties as PowerShell serializes them, by depth: <c>{"Value": …}</c> objects, bare values,
/// or only the type name. Entries without a name are named by their position ("0", "1"…); type names carry no value
/// and are skipped (their position still counts). Values may be strings, numbers, booleans or null (null becomes the
/// empty string); a value PowerShell wrote as an object is read through its own Value. Properties flattened into one
/// string (what ConvertTo-Json writes for the whole list once the depth limit is reached: the type names, or values,
/// joined by spaces) carry no separable values and are ignored; the rendered message is parsed instead. EventData
/// given as JSON text (how Log Analytics exports a dynamic column) is read as the JSON it holds.
/// </summary>
internal static class EventDataParser
{
    /// <summary>What ConvertTo-Json writes for an EventProperty once the depth limit is reached: no value left.</summary>
    public const string TypeNameOnly = "System.Diagnostics.Eventing.Reader.EventProperty";

    /// <summary>Get-WinEvent's name for the event data.</summary>
    public const string WinEventField = "Properties";

    private static readonly IReadOnlyDictionary<string, string> Empty =
        new Dictionary<string, string>(0, StringComparer.OrdinalIgnoreCase).AsReadOnly();

    public static RecordReadError? TryParse(JsonElement eventData, string field, out IReadOnlyDictionary<string, string> result)
    {
        result = Empty;
        switch (eventData.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.Object:
                var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in eventData.EnumerateObject())
                    map.TryAdd(property.Name, JsonValues.Text(JsonValues.Unwrapped(property.Value)));
                result = map;
                return null;
            case JsonValueKind.Array:
                return FromArray(eventData, field, out result);
            case JsonValueKind.String when field == WinEventField:
                return null;
            case JsonValueKind.String when eventData.GetString()!.TrimStart() is ['{' or '[', ..] json:
                return FromJsonText(json, field, out result);
            default:
                return CollectorRecordParser.Error(RecordErrorKind.WrongType, field,
                    $"{field} must be an array of name/value pairs or an object, not {eventData.ValueKind}");
        }
    }

    /// <summary>Log Analytics writes a dynamic column (WindowsEvent.EventData) as JSON text: read what it holds.</summary>
    private static RecordReadError? FromJsonText(string json, string field, out IReadOnlyDictionary<string, string> result)
    {
        result = Empty;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = RawItemScanner.MaxDepth });
            return document.RootElement.ValueKind == JsonValueKind.String
                ? CollectorRecordParser.Error(RecordErrorKind.WrongType, field, $"{field} must be an array of name/value pairs or an object")
                : TryParse(document.RootElement, field, out result);
        }
        catch (JsonException)
        {
            return CollectorRecordParser.Error(RecordErrorKind.InvalidValue, field, $"{field} holds text that starts like JSON but is not");
        }
    }

    private static RecordReadError? FromArray(JsonElement array, string field, out IReadOnlyDictionary<string, string> result)
    {
        var map = new Dictionary<string, string>(array.GetArrayLength(), StringComparer.OrdinalIgnoreCase);
        result = map;
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var position = index++.ToString(CultureInfo.InvariantCulture);
            switch (entry.ValueKind)
            {
                case JsonValueKind.Object:
                    if (Pair(entry, $"{field}[{position}]", out var name, out var value) is { } error)
                        return error;
                    map.TryAdd(string.IsNullOrWhiteSpace(name) ? position : name.Trim(), JsonValues.Text(JsonValues.Unwrapped(value)));
                    break;
                case JsonValueKind.Array:
                    return CollectorRecordParser.Error(RecordErrorKind.WrongType, $"{field}[{position}]",
                        $"{field} entries must be {{\"name\", \"value\"}} objects or values, not arrays");
                default:
                    if (entry.ValueKind != JsonValueKind.String || !entry.ValueEquals(TypeNameOnly))
                        map.TryAdd(position, JsonValues.Text(entry));
                    break;
            }
        }

        return null;
    }

    private static RecordReadError? Pair(JsonElement entry, string field, out string? name, out JsonElement value)
    {
        name = null;
        value = default;
        foreach (var property in entry.EnumerateObject())
        {
            if (property.Name.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    return CollectorRecordParser.Error(RecordErrorKind.WrongType, field + ".name", "an eventData name must be a string");
                name = property.Value.GetString();
            }
            else if (property.Name.Equals("value", StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
            }
        }

        return null;
    }
}
