namespace Whfb.Contracts.Health;

/// <summary>
/// No domain controller answered (or accepted the bind) since <see cref="Since"/>: AD is not observed, so nothing is
/// concluded about keys that wait for it. Raised once per episode.
/// </summary>
/// <param name="Servers">The domain controllers tried, in order.</param>
/// <param name="Error">The last failure, without credentials.</param>
public sealed record DirectoryUnreachable(
    Guid EventId, Guid TenantId, IReadOnlyList<string> Servers, string Error, DateTimeOffset Since, DateTimeOffset DetectedAt);
