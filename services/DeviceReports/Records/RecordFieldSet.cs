using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// The fields of one record object, gathered in a single pass. Names match case-insensitively;
/// the property names of <c>Get-WinEvent</c> objects (LogName, ProviderName, LevelDisplayName)
/// are accepted as aliases. The first occurrence of a field wins.
/// </summary>
internal struct RecordFieldSet
{
    private enum Field { DeviceId, DeviceName, User, Channel, EventId, RecordId, TimeCreated, Level, LevelName, Provider, EventData, Message }

    private static readonly FrozenDictionary<string, Field> Names = new Dictionary<string, Field>
    {
        ["deviceId"] = Field.DeviceId,
        ["deviceName"] = Field.DeviceName,
        ["user"] = Field.User,
        ["channel"] = Field.Channel,
        ["logName"] = Field.Channel,
        ["eventId"] = Field.EventId,
        ["recordId"] = Field.RecordId,
        ["timeCreated"] = Field.TimeCreated,
        ["level"] = Field.Level,
        ["levelDisplayName"] = Field.LevelName,
        ["provider"] = Field.Provider,
        ["providerName"] = Field.Provider,
        ["eventData"] = Field.EventData,
        ["message"] = Field.Message,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public JsonElement DeviceId, DeviceName, User, Channel, EventId, RecordId, TimeCreated, Level, LevelName, Provider, EventData, Message;

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
            case Field.User: return ref User;
            case Field.Channel: return ref Channel;
            case Field.EventId: return ref EventId;
            case Field.RecordId: return ref RecordId;
            case Field.TimeCreated: return ref TimeCreated;
            case Field.Level: return ref Level;
            case Field.LevelName: return ref LevelName;
            case Field.Provider: return ref Provider;
            case Field.EventData: return ref EventData;
            default: return ref Message;
        }
    }
}
