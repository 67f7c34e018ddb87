namespace Whfb.SyncTracker.Graph;

/// <summary>
/// How far the Graph inventory can be trusted now: whether a full inventory completed (and when first), when the current
/// one began, how many users are owed a listing (with keys waiting for AD among them, and never listed), the oldest
/// listing among users holding settled keys, Graph's traffic and throttled answers over the last
/// <see cref="RecentWindow"/>, and the features Graph refuses with what to grant.
/// </summary>
public sealed record InventoryFreshness(
    bool Complete,
    DateTimeOffset? FirstCompleteAt,
    DateTimeOffset? FullInventoryStartedAt,
    int UsersOwed,
    int PendingUsersOwed,
    int UsersNeverListed)
{
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(10);

    public DateTimeOffset? OldestSettledListingAt { get; init; }

    public long RequestsLast10Min { get; init; }

    public long ThrottledLast10Min { get; init; }

    public IReadOnlyList<string> DeniedFeatures { get; init; } = [];
}
