namespace Whfb.Contracts.Devices;

/// <summary>
/// The device is joined but the user did not sign in with a Microsoft Entra account, so WHfB
/// provisioning is disabled for that user (event 308).
/// </summary>
public sealed record NonEntraUserSignedIn(DeviceEventHeader Header, string? User);
