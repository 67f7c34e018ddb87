namespace Whfb.Contracts.Devices;

/// <summary>Automatic device registration (hybrid join) failed (events 304 / 305 / 307).</summary>
public sealed record DeviceRegistrationFailed(
    DeviceEventHeader Header,
    DeviceRegistrationStage Stage,
    DeviceErrorCode? ExitCode,
    string? ServerErrorMessage,
    string? TenantType,
    string? JoinType,
    string? TenantName,
    string? DebugOutput);
