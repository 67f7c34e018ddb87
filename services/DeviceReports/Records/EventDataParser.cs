using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// EventData as Windows exports it: an array of <c>{"name": …, "value": …}</c> pairs, or an object
/// map. Values may be strings, numbers, booleans or null. Array entries without a name (the
/// shape of <c>Get-WinEvent</c>'s Properties) are named by their position.
/// </summary>
internal static class EventDataParser
{
    private static readonly IReadOnlyDictionary<string, string> Empty =
        new Dictionary<string, string>(0, StringComparer.OrdinalIgnoreCase).AsReadOnly();

    public static RecordReadError? TryParse(JsonElement eventData, out IReadOnlyDictionary<string, string> result)
    {
        result = Empty;
        switch (eventData.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.Object:
                var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in eventData.EnumerateObject())
                    map.TryAdd(property.Name, JsonValues.Text(property.Value));
                result = map;
                return null;
            case JsonValueKind.Array:
                return FromArray(eventData, out result);
            default:
                return CollectorRecordParser.Error(RecordErrorKind.WrongType, "eventData",
                    $"eventData must be an array of name/value pairs or an object, not {eventData.ValueKind}");
        }
    }

    private static RecordReadError? FromArray(JsonElement array, out IReadOnlyDictionary<string, string> result)
    {
        var map = new Dictionary<string, string>(array.GetArrayLength(), StringComparer.OrdinalIgnoreCase);
        result = map;
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
                return CollectorRecordParser.Error(RecordErrorKind.WrongType, $"eventData[{index}]",
                    $"eventData entries must be {{\"name\", \"value\"}} objects, not {entry.ValueKind}");
            string? name = null;
            var value = default(JsonElement);
            foreach (var property in entry.EnumerateObject())
            {
                if (property.Name.Equals("name", StringComparison.OrdinalIgnoreCase))
                {
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                        return CollectorRecordParser.Error(RecordErrorKind.WrongType, $"eventData[{index}].name", "an eventData name must be a string");
                    name = property.Value.GetString();
                }
                else if (property.Name.Equals("value", StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                }
            }

            map.TryAdd(string.IsNullOrWhiteSpace(name) ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : name.Trim(), JsonValues.Text(value));
            index++;
        }

        return null;
    }
}
