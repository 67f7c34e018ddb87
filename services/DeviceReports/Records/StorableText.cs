using System.Globalization;
using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// Finds text downstream cannot store: NUL, which PostgreSQL text and jsonb refuse (one such value would fail every
/// other record written in the same batch), and a lone UTF-16 surrogate escape (<c>"\ud800"</c>), which is no text at
/// all and cannot be decoded. Other control characters (tab, CR, LF…) are stored as they are. Both can only arrive in
/// JSON as <c>\u</c> escapes, so a document without one is not walked.
/// </summary>
public static class StorableText
{
    public const string Reason = "holds a NUL character or a lone UTF-16 surrogate, which cannot be stored";

    /// <summary>True when the text has no NUL (the only character PostgreSQL text cannot hold).</summary>
    public static bool IsStorable(ReadOnlySpan<char> text) => !text.Contains('\0');

    /// <summary>The first value or property name that cannot be stored, as a field error; null when all can.</summary>
    public static RecordReadError? Find(ReadOnlySpan<byte> utf8, JsonElement root) =>
        utf8.IndexOf("\\u"u8) < 0 ? null : Walk(root, "");

    private static RecordReadError? Walk(JsonElement element, string field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Storable(element) ? null : Error(field);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, $"{field}[{index++.ToString(CultureInfo.InvariantCulture)}]") is { } error)
                        return error;
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryName(property, out var name))
                        return Error(field.Length == 0 ? "(property name)" : field + ".(property name)");
                    if (Walk(property.Value, field.Length == 0 ? name : field + "." + name) is { } error)
                        return error;
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Storable(JsonElement value)
    {
        try
        {
            return IsStorable(value.GetString());
        }
        catch (InvalidOperationException)
        {
            return false; // a lone surrogate cannot be transcoded
        }
    }

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return IsStorable(name);
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    private static RecordReadError Error(string field) =>
        new(RecordErrorKind.UnstorableText, "$." + field, field, $"{field} {Reason}");
}
