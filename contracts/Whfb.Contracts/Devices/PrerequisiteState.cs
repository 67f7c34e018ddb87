using System.Text.Json.Serialization;

namespace Whfb.Contracts.Devices;

/// <summary>One answer of the device's WHfB prerequisite check (events 358/360/361/362).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PrerequisiteState>))]
public enum PrerequisiteState
{
    Yes,
    No,
    NotTested,
}
