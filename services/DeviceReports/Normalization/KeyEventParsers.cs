using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Normalization;

/// <summary>
/// Events about the user's WHfB key: 300 registered (multi-line and old single-line renderings),
/// 301 registration failed, 346 removed.
/// </summary>
internal static class KeyEventParsers
{
    private static readonly MessageLabel[] RegisteredLabels =
    [
        new("Key ID"), new("UPN"), new("Attestation"), new("Client request ID"), new("Server request ID"), new("Server response"),
    ];

    private static readonly MessageLabel[] FailedLabels =
    [
        new("Exit code"), new("Error code"), new("Client request ID"), new("Server request ID"), new("Server error message"),
        new("Server error"), new("Recommended client response"), new("Server response"),
    ];

    private static readonly MessageLabel[] RemovedLabels = [new("Key ID (encoded)"), new("Key hash"), new("Key ID")];

    public static NgcKeyRegistered Registered(DeviceEventHeader header, CollectorRecord record)
    {
        var fields = new EventFields(record, RegisteredLabels);
        var response = fields.Get("ServerResponse", "Server response");
        return new NgcKeyRegistered(
            header,
            EventFields.Guid(fields.Get("KeyId", "Key ID")) ?? EventFields.Guid(EventFields.JsonProperty(response, "kid")),
            EventFields.Token(fields.Get("UPN", "UPN")) ?? EventFields.Token(EventFields.JsonProperty(response, "upn")),
            EventFields.Token(fields.Get("Attestation", "Attestation")),
            EventFields.Token(fields.Get("ClientRequestId", "Client request ID")),
            EventFields.Token(fields.Get("ServerRequestId", "Server request ID")),
            response);
    }

    public static NgcKeyRegistrationFailed RegistrationFailed(DeviceEventHeader header, CollectorRecord record)
    {
        var fields = new EventFields(record, FailedLabels);
        return new NgcKeyRegistrationFailed(
            header,
            ProvisioningErrorCodes.Describe(fields.Get("ErrorCode", "Error code")),
            ProvisioningErrorCodes.Describe(fields.Get("ExitCode", "Exit code")),
            fields.Get("ServerErrorMessage", "Server error message", "Server error"),
            fields.Get("RecommendedClientResponse", "Recommended client response"),
            EventFields.Token(fields.Get("ClientRequestId", "Client request ID")),
            EventFields.Token(fields.Get("ServerRequestId", "Server request ID")),
            fields.Get("ServerResponse", "Server response"));
    }

    public static NgcKeyRemoved Removed(DeviceEventHeader header, CollectorRecord record)
    {
        var fields = new EventFields(record, RemovedLabels);
        return new NgcKeyRemoved(header, EventFields.Token(fields.Get("KeyHash", "Key ID (encoded)", "Key hash", "Key ID")));
    }
}
