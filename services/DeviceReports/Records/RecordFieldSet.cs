using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// The fields of one record object, gathered in a single pass. Names match case-insensitively;
/// the property names of <c>Get-WinEvent</c> objects (LogName, ProviderName, LevelDisplayName, UserId) are accepted
/// as aliases. The first occurrence of a field wins. Get-WinEvent's Id, MachineName and Properties have slots of
/// their own because <c>Select-Object *, …</c> output may carry both them and the collector's own names: the
/// collector's (eventId, deviceName, eventData) win.
/// </summary>
internal struct RecordFieldSet
{
    private enum Field { DeviceId, DeviceName, MachineName, User, UserSid, Channel, EventId, Id, RecordId, TimeCreated, Level, LevelName, Provider, EventData, Properties, Message }

    private static readonly FrozenDictionary<string, Field> Names = new Dictionary<string, Field>
    {
        ["deviceId"] = Field.DeviceId,
        ["deviceName"] = Field.DeviceName,
        ["machineName"] = Field.MachineName,
        ["computer"] = Field.MachineName,
        ["user"] = Field.User,
        ["userSid"] = Field.UserSid,
        ["userId"] = Field.UserSid,
        ["channel"] = Field.Channel,
        ["logName"] = Field.Channel,
        ["eventId"] = Field.EventId,
        ["id"] = Field.Id,
        ["recordId"] = Field.RecordId,
        ["eventRecordId"] = Field.RecordId,
        ["timeCreated"] = Field.TimeCreated,
        ["level"] = Field.Level,
        ["levelDisplayName"] = Field.LevelName,
        ["provider"] = Field.Provider,
        ["providerName"] = Field.Provider,
        ["eventData"] = Field.EventData,
        ["properties"] = Field.Properties,
        ["message"] = Field.Message,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public JsonElement DeviceId, DeviceName, MachineName, User, UserSid, Channel, EventId, Id, RecordId, TimeCreated, Level, LevelName, Provider, EventData,
        Properties, Message;

    /// <summary>The collector's field when present, else Get-WinEvent's (with the name to report errors under).</summary>
    public static (JsonElement Value, string Field) Either(JsonElement own, string ownName, JsonElement winEvent, string winEventName) =>
        JsonValues.IsMissing(own) && !JsonValues.IsMissing(winEvent) ? (winEvent, winEventName) : (own, ownName);

    public static RecordFieldSet From(JsonElement record)
    {
        var set = new RecordFieldSet();
        foreach (var property in record.EnumerateObject())
        {
            if (Names.TryGetValue(property.Name, out var field))
                set.Set(field, property.Value);
        }

        return set;
    }

    private void Set(Field field, JsonElement value)
    {
        ref var slot = ref Slot(field);
        if (slot.ValueKind == JsonValueKind.Undefined)
            slot = value;
    }

    [UnscopedRef]
    private ref JsonElement Slot(Field field)
    {
        switch (field)
        {
            case Field.DeviceId: return ref DeviceId;
            case Field.DeviceName: return ref DeviceName;
            case Field.MachineName: return ref MachineName;
            case Field.User: return ref User;
            case Field.UserSid: return ref UserSid;
            case Field.Channel: return ref Channel;
            case Field.EventId: return ref EventId;
            case Field.Id: return ref Id;
            case Field.RecordId: return ref RecordId;
            case Field.TimeCreated: return ref TimeCreated;
            case Field.Level: return ref Level;
            case Field.LevelName: return ref LevelName;
            case Field.Provider: return ref Provider;
            case Field.EventData: return ref EventData;
            case Field.Properties: return ref Properties;
            default: return ref Message;
        }
    }
}
