using System.Text.Json.Serialization;

namespace Whfb.Contracts.Devices;

/// <summary>How a device is joined, derived from <c>dsregcmd /status</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceJoinType>))]
public enum DeviceJoinType
{
    /// <summary>The report had no join state at all.</summary>
    Unknown,
    NotJoined,
    /// <summary>Microsoft Entra registered (WorkplaceJoined YES).</summary>
    Registered,
    DomainJoined,
    EntraJoined,
    HybridJoined,
}
