namespace Whfb.Contracts.Health;

/// <summary>
/// A service's Graph app lacks what a feature needs (an application permission, or the licence a report needs), so
/// that feature stopped instead of retrying. Raised once per (service, feature) episode.
/// </summary>
/// <param name="Feature">What stopped, as the service names it (e.g. <c>key-inventory</c>, <c>ring-members</c>).</param>
/// <param name="Missing">What to grant: the permission names, or the licence (e.g. <c>Microsoft Entra ID P1</c>).</param>
/// <param name="Detail">Graph's own error code and message, for the operator.</param>
public sealed record GraphPermissionMissing(
    Guid EventId, Guid TenantId, string Service, string Feature, IReadOnlyList<string> Missing, string Detail, DateTimeOffset DetectedAt);
