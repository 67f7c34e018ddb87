using System.Globalization;
using Whfb.Contracts.Ids;

namespace Whfb.DeviceReports.Normalization;

/// <summary>
/// The platform's deterministic ids: the same input always gives the same id, so consumers
/// de-duplicate a collector's retries with a unique key.
/// </summary>
public static class DeterministicIds
{
    /// <summary>The project's UUIDv5 namespace. Never change it: every stored id depends on it.</summary>
    public static readonly Guid Namespace = new("3b0f6c52-7d8e-4a19-9c45-e1f2a6b7d803");

    /// <summary>Id of one event-log record: tenant, device, channel (case-insensitive) and record id.</summary>
    public static Guid ForDeviceEvent(Guid tenantId, Guid deviceId, string channel, long recordId) =>
        NameBasedIds.Sha1UuidV5(Namespace, string.Create(CultureInfo.InvariantCulture,
            $"event|{tenantId:D}|{deviceId:D}|{channel.Trim().ToLowerInvariant()}|{recordId}"));

    /// <summary>Id of one device report (dsregcmd status, policy state) by kind and collection time.</summary>
    public static Guid ForReport(Guid tenantId, Guid deviceId, string kind, DateTimeOffset collectedAt) =>
        NameBasedIds.Sha1UuidV5(Namespace, string.Create(CultureInfo.InvariantCulture,
            $"report|{kind}|{tenantId:D}|{deviceId:D}|{collectedAt.UtcTicks}"));
}
