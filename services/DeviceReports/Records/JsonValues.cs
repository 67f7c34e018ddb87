using System.Globalization;
using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>Typed reads of JSON fields that collectors (often PowerShell) produce in several shapes.</summary>
internal static class JsonValues
{
    public static bool IsMissing(JsonElement value) => value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    /// <summary>Any scalar as text: numbers keep their JSON text, null is empty, objects and arrays their raw JSON.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    /// <summary>
    /// A value PowerShell wrote as an object (an EventProperty, a SecurityIdentifier, a 5.1 DateTime wrapper) read
    /// through its Value, a few levels down; anything else as it is.
    /// </summary>
    public static JsonElement Unwrapped(JsonElement value)
    {
        for (var level = 0; level < 4 && value.ValueKind == JsonValueKind.Object && TryProperty(value, "value", out var inner); level++)
            value = inner;
        return value;
    }

    /// <summary>A property by name, ignoring case (PowerShell 5.1 writes "value", its objects "Value").</summary>
    public static bool TryProperty(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static bool TryGuid(string? text, out Guid value) =>
        Guid.TryParse(text.AsSpan().Trim(), out value);

    /// <summary>A JSON number, or a string holding one (PowerShell sometimes quotes them).</summary>
    public static bool TryInt64(JsonElement value, out long result)
    {
        result = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out result),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }

    /// <summary>
    /// ISO 8601 (no offset = UTC), PowerShell 5.1's <c>/Date(ms)/</c>, or its DateTime wrapper
    /// object <c>{"value": "/Date(ms)/", "DateTime": "…"}</c>.
    /// </summary>
    public static bool TryTime(JsonElement value, out DateTimeOffset time)
    {
        time = default;
        if (value.ValueKind == JsonValueKind.Object)
            return TryProperty(value, "value", out var inner) && inner.ValueKind == JsonValueKind.String && TryTime(inner, out time);
        return value.ValueKind == JsonValueKind.String && TryTime(value.GetString(), out time);
    }

    public static bool TryTime(string? text, out DateTimeOffset time)
    {
        var span = text.AsSpan().Trim();
        if (span.StartsWith("/Date(", StringComparison.Ordinal))
            return TryMicrosoftDate(span[6..], out time);
        var ok = DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
        time = time.ToUniversalTime();
        return ok;
    }

    private static bool TryMicrosoftDate(ReadOnlySpan<char> rest, out DateTimeOffset time)
    {
        time = default;
        var end = rest.IndexOfAnyExcept("-0123456789");
        if (end <= 0 || !long.TryParse(rest[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
            return false;
        if (ms < -62135596800000L || ms > 253402300799999L)
            return false;
        time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    /// <summary>Windows event levels by number (0 is LogAlways, shown as Information).</summary>
    public static string LevelName(long level) => level switch
    {
        0 or 4 => "Information",
        1 => "Critical",
        2 => "Error",
        3 => "Warning",
        5 => "Verbose",
        _ => level.ToString(CultureInfo.InvariantCulture),
    };
}
