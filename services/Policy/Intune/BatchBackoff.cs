using Whfb.ServiceDefaults.Retries;

namespace Whfb.Policy.Intune;

/// <summary>
/// How long a throttled or failed <c>$batch</c> step waits before it goes round again: its own Retry-After when Graph
/// sent one, otherwise exponential backoff (2, 4, 8 … s for rounds 0, 1, 2 …) capped at 180 s, as Graph's throttling
/// guidance and the SDK's retry handler do for whole requests.
/// </summary>
public static class BatchBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(180);

    public static TimeSpan Delay(TimeSpan? retryAfter, int round) => retryAfter is { } wait && wait > TimeSpan.Zero
        ? wait
        : ExponentialBackoff.Delay(First, Longest, round);
}
