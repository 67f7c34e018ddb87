using Whfb.Contracts.Ids;

namespace Whfb.SyncTracker.Domain;

/// <summary>
/// Deterministic event ids (<see cref="NameBasedIds.Sha256Uuid"/>): the same key, episode and event kind always give
/// the same id, so a replay after a crash is recognised by every consumer.
/// </summary>
public static class EventIds
{
    public static Guid For(string kind, Guid subject, DateTimeOffset episode) =>
        NameBasedIds.Sha256Uuid($"{kind}|{subject:N}|{episode.UtcTicks}");
}
