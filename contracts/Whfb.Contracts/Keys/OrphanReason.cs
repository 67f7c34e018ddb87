using System.Text.Json.Serialization;

namespace Whfb.Contracts.Keys;

[JsonConverter(typeof(JsonStringEnumConverter<OrphanReason>))]
public enum OrphanReason
{
    /// <summary>The AD value's DeviceId names a device that no longer exists in Entra ID.</summary>
    DeviceDeleted,

    /// <summary>The Entra key this value came from was deleted.</summary>
    EntraKeyDeleted,

    /// <summary>No Entra key ever matched this value.</summary>
    NoMatchingEntraKey,
}
