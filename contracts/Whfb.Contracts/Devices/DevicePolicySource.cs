using System.Text.Json.Serialization;

namespace Whfb.Contracts.Devices;

/// <summary>Which management channel's WHfB policy is in effect on a device (GPO wins over MDM).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DevicePolicySource>))]
public enum DevicePolicySource
{
    None,
    Gpo,
    Mdm,
}
