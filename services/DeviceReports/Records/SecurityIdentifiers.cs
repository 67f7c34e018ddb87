using System.Globalization;
using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// The user's security identifier as a record carries it: <c>"S-1-5-21-…"</c>, or the object PowerShell writes for a
/// SecurityIdentifier (<c>{"BinaryLength": 28, "AccountDomainSid": …, "Value": "S-1-5-21-…"}</c>).
/// </summary>
public static class SecurityIdentifiers
{
    private const int MaxSubAuthorities = 15;

    internal static RecordReadError? TryParse(JsonElement value, string field, out string? sid)
    {
        sid = null;
        var text = JsonValues.Unwrapped(value);
        if (JsonValues.IsMissing(text))
            return null;
        if (text.ValueKind != JsonValueKind.String)
            return CollectorRecordParser.Error(RecordErrorKind.WrongType, field, $"{field} must be a SID (S-1-…) or an object with its Value, not {text.ValueKind}");
        var candidate = text.GetString()!.Trim();
        if (candidate.Length == 0)
            return null;
        sid = Normalize(candidate);
        return sid is null ? CollectorRecordParser.Error(RecordErrorKind.InvalidValue, field, $"{field} must be a SID such as S-1-5-21-…") : null;
    }

    /// <summary>The SID in its canonical form (upper-case S, decimal parts), or null when the text is not one.</summary>
    public static string? Normalize(string? text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length < 5 || span.Length > 184 || (span[0] is not ('S' or 's')) || span[1] != '-')
            return null;
        var parts = 0;
        foreach (var range in span[2..].Split('-'))
        {
            var part = span[2..][range];
            if (part.IsEmpty || part.Length > 14 || !ulong.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                return null;
            parts++;
        }

        // revision, authority, then the sub-authorities
        return parts is >= 2 and <= MaxSubAuthorities + 2 && span[2] == '1' && span[3] == '-' ? "S" + span[1..].ToString() : null;
    }

    /// <summary>A domain account's SID (S-1-5-21-…): the ones AD holds as objectSid, unlike well-known or Entra ones.</summary>
    public static bool IsDomainAccount(string? sid) =>
        sid is not null && sid.StartsWith("S-1-5-21-", StringComparison.OrdinalIgnoreCase) && sid.Count(c => c == '-') >= 7;
}
