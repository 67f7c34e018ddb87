using System.Text.Json.Serialization;

namespace Whfb.Contracts.Devices;

/// <summary>
/// Where a PassportForWork registry value was found. Precedence, strongest first:
/// user GPO, computer GPO, user MDM, device MDM.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PolicyScope>))]
public enum PolicyScope
{
    ComputerGpo,
    UserGpo,
    DeviceMdm,
    UserMdm,
}
