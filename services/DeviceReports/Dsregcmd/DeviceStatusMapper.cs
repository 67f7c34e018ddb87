using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;

namespace Whfb.DeviceReports.Dsregcmd;

/// <summary>Builds the <see cref="DeviceStatusReported"/> contract from a parsed dsregcmd status.</summary>
public static class DeviceStatusMapper
{
    public const string ReportKind = "dsregcmd";

    /// <param name="tenantId">The tenant of the collector's credential (never the one the text claims).</param>
    /// <param name="deviceId">The device id the collector sent; null = the DeviceId printed in the text (Guid.Empty if none).</param>
    public static DeviceStatusReported ToReported(DsregcmdStatus status, Guid tenantId, Guid? deviceId, DateTimeOffset collectedAt)
    {
        var device = deviceId ?? status.DeviceDetails.DeviceId ?? Guid.Empty;
        return new DeviceStatusReported(
            DeterministicIds.ForReport(tenantId, device, ReportKind, collectedAt),
            tenantId,
            device,
            status.DeviceState.DeviceName,
            collectedAt,
            status.JoinType,
            status.TenantDetails.TenantId,
            status.DeviceState.DomainName,
            status.DeviceDetails.TpmProtected,
            status.DeviceDetails.KeyProvider,
            status.DeviceDetails.DeviceAuthStatus,
            status.UserState.NgcSet,
            status.UserState.NgcKeyId,
            status.SsoState.AzureAdPrt,
            status.SsoState.AzureAdPrtUpdateTime,
            status.SsoState.OnPremTgt,
            status.SsoState.CloudTgt,
            status.NgcPrerequisites?.PreReqResult,
            status.Diagnostics.ClientErrorCode,
            status.Diagnostics.ServerErrorCode,
            status.Diagnostics.KeySignTest);
    }
}
