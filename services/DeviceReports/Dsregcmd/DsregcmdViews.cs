using Whfb.Contracts.Devices;
using K = Whfb.DeviceReports.Dsregcmd.DsregcmdSectionKind;

namespace Whfb.DeviceReports.Dsregcmd;

public sealed record DsregcmdDeviceState(bool? AzureAdJoined, bool? EnterpriseJoined, bool? DomainJoined, string? DomainName, string? DeviceName)
{
    internal static DsregcmdDeviceState From(DsregcmdLookup f) => new(
        f.YesNo(K.DeviceState, "AzureAdJoined"), f.YesNo(K.DeviceState, "EnterpriseJoined"), f.YesNo(K.DeviceState, "DomainJoined"),
        f.Text(K.DeviceState, "DomainName"), f.Text(K.DeviceState, "Device Name"));
}

public sealed record DsregcmdDeviceDetails(Guid? DeviceId, string? Thumbprint, string? KeyProvider, bool? TpmProtected, string? DeviceAuthStatus)
{
    internal static DsregcmdDeviceDetails From(DsregcmdLookup f) => new(
        f.Guid(K.DeviceDetails, "DeviceId"), f.Text(K.DeviceDetails, "Thumbprint"), f.Text(K.DeviceDetails, "KeyProvider"),
        f.YesNo(K.DeviceDetails, "TpmProtected"), f.Text(K.DeviceDetails, "DeviceAuthStatus"));
}

public sealed record DsregcmdTenantDetails(string? TenantName, Guid? TenantId)
{
    internal static DsregcmdTenantDetails From(DsregcmdLookup f) =>
        new(f.Text(K.TenantDetails, "TenantName"), f.Guid(K.TenantDetails, "TenantId"));
}

/// <param name="CanReset">DestructiveOnly, NonDestructiveOnly, DestructiveAndNonDestructive or Unknown, as printed.</param>
public sealed record DsregcmdUserState(bool? NgcSet, Guid? NgcKeyId, string? CanReset, bool? WorkplaceJoined)
{
    internal static DsregcmdUserState From(DsregcmdLookup f) => new(
        f.YesNo(K.UserState, "NgcSet"), f.Guid(K.UserState, "NgcKeyId"), f.Text(K.UserState, "CanReset"),
        f.YesNo(K.UserState, "WorkplaceJoined"));
}

public sealed record DsregcmdSsoState(bool? AzureAdPrt, DateTimeOffset? AzureAdPrtUpdateTime, bool? OnPremTgt, bool? CloudTgt)
{
    internal static DsregcmdSsoState From(DsregcmdLookup f) => new(
        f.YesNo(K.SsoState, "AzureAdPrt"), f.Time(K.SsoState, "AzureAdPrtUpdateTime"), f.YesNo(K.SsoState, "OnPremTgt"),
        f.YesNo(K.SsoState, "CloudTgt"));
}

public sealed record DsregcmdDiagnostics(string? ClientErrorCode, string? ServerErrorCode, string? KeySignTest)
{
    internal static DsregcmdDiagnostics From(DsregcmdLookup f) => new(
        f.Text(K.DiagnosticData, "Client ErrorCode"), f.Text(K.DiagnosticData, "Server ErrorCode"), f.Text(K.DiagnosticData, "KeySignTest"));
}

/// <param name="PreReqResult">WillProvision or WillNotProvision, as printed.</param>
public sealed record DsregcmdNgcPrerequisites(
    bool? IsDeviceJoined, bool? IsUserAzureAd, bool? PolicyEnabled, bool? PostLogonEnabled, bool? DeviceEligible,
    bool? SessionIsNotRemote, string? CertEnrollment, string? PreReqResult)
{
    public bool? WillProvision => PreReqResult?.ToUpperInvariant() switch
    {
        "WILLPROVISION" => true,
        "WILLNOTPROVISION" => false,
        _ => null,
    };

    /// <summary>Null when the output has no Ngc Prerequisite Check section (it disappears once WHfB is set up).</summary>
    internal static DsregcmdNgcPrerequisites? From(DsregcmdLookup f) => !f.HasSection(K.NgcPrerequisiteCheck) ? null : new(
        f.YesNo(K.NgcPrerequisiteCheck, "IsDeviceJoined"), f.YesNo(K.NgcPrerequisiteCheck, "IsUserAzureAD"),
        f.YesNo(K.NgcPrerequisiteCheck, "PolicyEnabled"), f.YesNo(K.NgcPrerequisiteCheck, "PostLogonEnabled"),
        f.YesNo(K.NgcPrerequisiteCheck, "DeviceEligible"), f.YesNo(K.NgcPrerequisiteCheck, "SessionIsNotRemote"),
        f.Text(K.NgcPrerequisiteCheck, "CertEnrollment"), f.Text(K.NgcPrerequisiteCheck, "PreReqResult"));
}

internal static class JoinTypes
{
    public static DeviceJoinType Derive(DsregcmdDeviceState device, DsregcmdUserState user) =>
        (device.AzureAdJoined, device.DomainJoined, user.WorkplaceJoined) switch
        {
            (true, true, _) => DeviceJoinType.HybridJoined,
            (true, _, _) => DeviceJoinType.EntraJoined,
            (_, true, _) => DeviceJoinType.DomainJoined,
            (_, _, true) => DeviceJoinType.Registered,
            (null, null, null) => DeviceJoinType.Unknown,
            _ => DeviceJoinType.NotJoined,
        };
}
