namespace Whfb.Contracts.Health;

/// <summary>A domain controller answers again after <see cref="DirectoryUnreachable"/>; closes its episode.</summary>
/// <param name="Server">The domain controller that answered.</param>
public sealed record DirectoryReachable(
    Guid EventId, Guid TenantId, string Server, DateTimeOffset UnreachableSince, DateTimeOffset ReachableAt);
