using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;

namespace Whfb.Policy.Consumers;

/// <summary>Whom a telemetry event is about: a device where it says so, else (or also) a user.</summary>
public sealed record DeviceSubject(Guid TenantId, Guid? DeviceId, Guid? UserId, string? Upn, string? DeviceName)
{
    public static DeviceSubject Of(DeviceEventHeader header, string? upn = null) =>
        new(header.TenantId, header.DeviceId, header.UserObjectId, (upn ?? header.UserPrincipalName)?.ToLowerInvariant(), header.DeviceName);

    public static DeviceSubject Of(KeyReference key) =>
        new(key.TenantId, key.DeviceId is { } d && d != Guid.Empty ? d : null, key.UserId, key.UserPrincipalName?.ToLowerInvariant(), null);
}
