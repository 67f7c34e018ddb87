namespace Whfb.Contracts.Health;

/// <summary>A feature that stopped for a missing permission or licence works again; closes its episode.</summary>
public sealed record GraphPermissionRestored(
    Guid EventId, Guid TenantId, string Service, string Feature, DateTimeOffset MissingSince, DateTimeOffset RestoredAt);
