using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Normalization;

/// <summary>Events about the device and its sign-in: 304/305/307 registration failed, 308 non-Entra user.</summary>
internal static class DeviceEventParsers
{
    private static readonly MessageLabel[] RegistrationLabels =
    [
        new("Exit code"), new("Error code"), new("Server error message"), new("Server error"), new("Tenant type"),
        new("Join type"), new("Registration type"), new("Tenant name"), new("Debug Output", ToEnd: true),
    ];

    private static readonly MessageLabel[] UserLabels = [new("User")];

    public static DeviceRegistrationFailed RegistrationFailed(DeviceEventHeader header, CollectorRecord record)
    {
        var fields = new EventFields(record, RegistrationLabels);
        var stage = record.EventId switch
        {
            305 => DeviceRegistrationStage.Authentication,
            307 => DeviceRegistrationStage.ScpLookup,
            _ => DeviceRegistrationStage.Join,
        };
        var exitCode = ProvisioningErrorCodes.Describe(fields.Get("ExitCode", "Error code"))
            ?? ProvisioningErrorCodes.Describe(fields.Get("ErrorCode", "Exit code"));
        return new DeviceRegistrationFailed(
            header,
            stage,
            exitCode,
            fields.Get("ServerErrorMessage", "Server error message", "Server error"),
            EventFields.Token(fields.Get("TenantType", "Tenant type")),
            EventFields.Token(fields.Get("JoinType", "Join type", "Registration type")),
            EventFields.Token(fields.Get("TenantName", "Tenant name")),
            fields.Get("DebugOutput", "Debug Output"));
    }

    public static NonEntraUserSignedIn NonEntraUser(DeviceEventHeader header, CollectorRecord record)
    {
        var fields = new EventFields(record, UserLabels);
        return new NonEntraUserSignedIn(header, EventFields.Token(fields.Get("User", "User")) ?? record.UserPrincipalName);
    }
}
