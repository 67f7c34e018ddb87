using System.Text.Json.Serialization;

namespace Whfb.Contracts.Devices;

/// <summary>Where automatic device registration failed: 304 join, 305 authentication, 307 SCP lookup.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceRegistrationStage>))]
public enum DeviceRegistrationStage
{
    Join,
    Authentication,
    ScpLookup,
}
