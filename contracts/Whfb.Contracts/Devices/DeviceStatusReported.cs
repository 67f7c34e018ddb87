namespace Whfb.Contracts.Devices;

/// <summary>
/// A device's <c>dsregcmd /status</c> summary. <see cref="TenantId"/> is the tenant of the
/// collector's credential; <see cref="ReportedTenantId"/> is what the device says (they should match).
/// <see cref="EventId"/> is deterministic (UUIDv5 of tenant, device and collection time).
/// </summary>
public sealed record DeviceStatusReported(
    Guid EventId,
    Guid TenantId,
    Guid DeviceId,
    string? DeviceName,
    DateTimeOffset CollectedAt,
    DeviceJoinType JoinType,
    Guid? ReportedTenantId,
    string? DomainName,
    bool? TpmProtected,
    string? KeyProvider,
    string? DeviceAuthStatus,
    bool? NgcSet,
    Guid? NgcKeyId,
    bool? AzureAdPrt,
    DateTimeOffset? AzureAdPrtUpdateTime,
    bool? OnPremTgt,
    bool? CloudTgt,
    string? PreReqResult,
    string? ClientErrorCode,
    string? ServerErrorCode,
    string? KeySignTest);
