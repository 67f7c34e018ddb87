using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// The record's user: <c>{"upn": "…", "objectId": "…"}</c> (either may be missing), or a plain
/// string that is an object id when it is a GUID and a UPN otherwise.
/// </summary>
internal static class UserParser
{
    public static RecordReadError? TryParse(JsonElement user, out string? upn, out Guid? objectId)
    {
        upn = null;
        objectId = null;
        switch (user.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = user.GetString()?.Trim();
                if (JsonValues.TryGuid(text, out var id))
                    objectId = id;
                else if (!string.IsNullOrEmpty(text))
                    upn = text;
                return null;
            case JsonValueKind.Object:
                return FromObject(user, ref upn, ref objectId);
            default:
                return CollectorRecordParser.Error(RecordErrorKind.WrongType, "user", $"user must be an object or a string, not {user.ValueKind}");
        }
    }

    private static RecordReadError? FromObject(JsonElement user, ref string? upn, ref Guid? objectId)
    {
        foreach (var property in user.EnumerateObject())
        {
            var value = property.Value;
            if (JsonValues.IsMissing(value))
                continue;
            var isUpn = property.Name.Equals("upn", StringComparison.OrdinalIgnoreCase)
                || property.Name.Equals("userPrincipalName", StringComparison.OrdinalIgnoreCase);
            var isId = property.Name.Equals("objectId", StringComparison.OrdinalIgnoreCase);
            if (!isUpn && !isId)
                continue;
            var field = "user." + (isUpn ? "upn" : "objectId");
            if (value.ValueKind != JsonValueKind.String)
                return CollectorRecordParser.Error(RecordErrorKind.WrongType, field, $"{field} must be a string, not {value.ValueKind}");
            var text = value.GetString()!.Trim();
            if (isUpn)
                upn ??= text.Length == 0 ? null : text;
            else if (JsonValues.TryGuid(text, out var id))
                objectId ??= id;
            else if (text.Length > 0)
                return CollectorRecordParser.Error(RecordErrorKind.InvalidValue, field, $"{field} must be a GUID");
        }

        return null;
    }
}
