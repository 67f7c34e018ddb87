namespace Whfb.Contracts.Devices;

/// <summary>An HRESULT a device reported, with its documented meaning when known (null otherwise).</summary>
/// <param name="Hex">Canonical form, e.g. <c>0x801C03ED</c>.</param>
public sealed record DeviceErrorCode(uint Code, string Hex, string? Meaning);
