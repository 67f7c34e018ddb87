namespace Whfb.Contracts.Devices;

/// <summary>The device registered a WHfB (NGC) key with Microsoft Entra ID (event 300).</summary>
/// <param name="ServerResponse">The JSON text the registration service answered (kid, upn…), as reported.</param>
public sealed record NgcKeyRegistered(
    DeviceEventHeader Header,
    Guid? KeyId,
    string? UserPrincipalName,
    string? Attestation,
    string? ClientRequestId,
    string? ServerRequestId,
    string? ServerResponse);
