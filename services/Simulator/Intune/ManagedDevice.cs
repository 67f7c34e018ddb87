using System.Globalization;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Intune;

/// <summary>
/// An Intune-managed Windows PC (managedDevice). A hybrid-joined PC enrolled through Group Policy auto-enrollment has a
/// primary user (<see cref="UserId"/>, the user Intune shows for the device) even though Entra lists no registered user
/// or owner for it. <see cref="AzureAdDeviceId"/> is the Entra device id, the empty GUID while the PC is not in Entra.
/// </summary>
public sealed record ManagedDevice
{
    public required string Id { get; init; }

    public required string DeviceName { get; init; }

    public Guid AzureAdDeviceId { get; init; }

    public string? UserId { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? UserDisplayName { get; init; }

    public DateTimeOffset EnrolledDateTime { get; init; }

    /// <summary>"Windows" for the fleet's PCs; a user's phone is "iOS" or "Android".</summary>
    public string OperatingSystem { get; init; } = "Windows";

    public JsonObject ToGraph() => new()
    {
        ["@odata.type"] = "#microsoft.graph.managedDevice",
        ["id"] = Id,
        ["userId"] = UserId ?? "",
        ["deviceName"] = DeviceName,
        ["managedDeviceName"] = DeviceName,
        ["managedDeviceOwnerType"] = "company",
        ["enrolledDateTime"] = Time(EnrolledDateTime),
        ["lastSyncDateTime"] = Time(EnrolledDateTime),
        ["operatingSystem"] = OperatingSystem,
        ["osVersion"] = OperatingSystem == "Windows" ? "10.0.22631.4602" : "17.5",
        ["complianceState"] = "compliant",
        ["managementAgent"] = "mdm",
        ["deviceEnrollmentType"] = "windowsAutoEnrollment",
        ["azureADRegistered"] = AzureAdDeviceId != Guid.Empty,
        ["azureADDeviceId"] = AzureAdDeviceId.ToString(),
        ["deviceRegistrationState"] = AzureAdDeviceId != Guid.Empty ? "registered" : "notRegistered",
        ["userPrincipalName"] = UserPrincipalName ?? "",
        ["userDisplayName"] = UserDisplayName ?? "",
        ["emailAddress"] = UserPrincipalName ?? "",
        ["manufacturer"] = "Contoso",
        ["model"] = "Business PC",
        ["serialNumber"] = new string([.. Id.Where(char.IsLetterOrDigit).Take(12)]).ToUpperInvariant(),
        ["isEncrypted"] = true,
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
