namespace Whfb.Contracts.Devices;

/// <summary>The device failed to register its WHfB key with Microsoft Entra ID (event 301).</summary>
public sealed record NgcKeyRegistrationFailed(
    DeviceEventHeader Header,
    DeviceErrorCode? ErrorCode,
    DeviceErrorCode? ExitCode,
    string? ServerErrorMessage,
    string? RecommendedClientResponse,
    string? ClientRequestId,
    string? ServerRequestId,
    string? ServerResponse);
