using System.Globalization;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Event-log records as the device collector posts them to /v1/events (shapes from
/// services/DeviceReports/README.md): 358/360 readiness, 300 key registered, 301 registration failed.
/// </summary>
public static class CollectorRecords
{
    public const string Channel = "Microsoft-Windows-User Device Registration/Admin";

    public static JsonObject Readiness(FleetDevice device, bool policyEnabled, long recordId, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(device);
        var ready = policyEnabled && device.PrerequisitesMet;
        var source = device.GpoEnabled || device.GpoConflict ? "GPO" : policyEnabled ? "MDM" : "none";
        var data = new (string Name, string Value, string Line)[]
        {
            ("DeviceIsJoined", YesNo(device.HybridJoined), "Device is AAD joined ( AADJ or DJ++ )"),
            ("AADPrt", "Yes", "User has logged on with AAD credentials"),
            ("NgcPolicyEnabled", YesNo(policyEnabled), "Windows Hello for Business policy is enabled"),
            ("NgcPostLogonProvisioningEnabled", "Yes", "Windows Hello for Business post-logon provisioning is enabled"),
            ("NgcHardwarePolicyMet", YesNo(device.HasTpm), "Local computer meets Windows hello for business hardware requirements"),
            ("UserIsRemote", YesNo(!device.RemoteDesktop), "User is not connected to the machine via Remote Desktop"),
            ("LogonCertRequired", "No", "User certificate for on premise auth policy is enabled"),
        };
        var message = string.Join('\n', data.Select(d => $"{d.Line}: {d.Value}")
            .Prepend($"Windows Hello for Business provisioning will {(ready ? "" : "not ")}be launched.")
            .Append($"Machine is governed by {source.ToLowerInvariant()} policy.")
            .Append("See https://go.microsoft.com/fwlink/?linkid=832647 for more details."));
        var pairs = data.Select(d => (d.Name, d.Value)).Append(("MachinePolicySource", source));
        return Record(device, ready ? 358 : 360, recordId, time, ready ? "Information" : "Warning", pairs, message);
    }

    public static JsonObject KeyRegistered(FleetDevice device, Guid keyId, long recordId, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(device);
        var response = new JsonObject { ["kid"] = keyId.ToString(), ["upn"] = device.User.UserPrincipalName }.ToJsonString();
        return Record(device, 300, recordId, time, "Information",
        [
            ("KeyId", $"{{{keyId}}}"), ("UPN", device.User.UserPrincipalName), ("Attestation", device.HasTpm ? "ATT_TPM" : "ATT_SOFT"),
            ("ClientRequestId", Guid.NewGuid().ToString()), ("ServerRequestId", Guid.NewGuid().ToString()), ("ServerResponse", response),
        ], "The Microsoft Passport key was successfully registered with Azure AD.");
    }

    public static JsonObject KeyRegistrationFailed(FleetDevice device, string code, long recordId, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Record(device, 301, recordId, time, "Error",
        [
            ("ExitCode", code), ("ErrorCode", code), ("ClientRequestId", Guid.NewGuid().ToString()),
            ("ServerRequestId", Guid.NewGuid().ToString()), ("ServerErrorMessage", ""), ("RecommendedClientResponse", ""), ("ServerResponse", ""),
        ], $"The Microsoft Passport key registration failed. Error: {code}");
    }

    private static JsonObject Record(
        FleetDevice device, int eventId, long recordId, DateTimeOffset time, string level, IEnumerable<(string Name, string Value)> data, string message) => new()
    {
        ["deviceId"] = device.Device.DeviceId.ToString(),
        ["deviceName"] = device.Device.DisplayName,
        ["user"] = new JsonObject { ["upn"] = device.User.UserPrincipalName, ["objectId"] = device.User.Id },
        ["channel"] = Channel,
        ["eventId"] = eventId,
        ["recordId"] = recordId,
        ["timeCreated"] = time.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
        ["level"] = level,
        ["provider"] = "Microsoft-Windows-User Device Registration",
        ["eventData"] = new JsonArray(data.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["value"] = d.Value }).ToArray()),
        ["message"] = message,
    };

    private static string YesNo(bool value) => value ? "Yes" : "No";
}
