namespace Whfb.Contracts.Devices;

/// <summary>The device removed a WHfB key (event 346).</summary>
/// <param name="KeyHash">"Key ID (encoded)" as the device reported it.</param>
public sealed record NgcKeyRemoved(DeviceEventHeader Header, string? KeyHash);
