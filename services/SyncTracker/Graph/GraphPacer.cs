namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Adaptive request rate for one caller (the inventory runs one request at a time). A 429 holds every request until its
/// Retry-After has passed (a throttled $batch step's own Retry-After counts the same); a 429 without one backs off
/// exponentially (1 s, doubling to <see cref="MaxBackoff"/>) until an answer gets through, as Microsoft's throttling
/// guidance asks. Either widens the pause between requests by half. An answer carrying
/// <c>x-ms-throttle-limit-percentage</c> from 0.8 (the app is near its limit) widens it too, and one at 1.0 or more (the
/// budget of this window is spent) holds the next request as long as Graph last asked to wait instead; any other answer halves
/// the pause, down to the configured minimum, so after a throttling episode the rate climbs back within a few requests.
/// Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class GraphPacer(GraphInventoryOptions options, TimeProvider time)
{
    public const double NearLimit = 0.8;
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private TimeSpan _backoff = TimeSpan.Zero;
    private TimeSpan? _lastRetryAfter;

    public TimeSpan Interval { get; private set; } = options.MinRequestInterval;

    /// <summary>Earliest time the next request may go out.</summary>
    public DateTimeOffset NextAllowed => _next;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var wait = _next - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        _next = time.GetUtcNow() + Interval;
    }

    /// <summary>A 429 (a request, or the longest Retry-After among a $batch's throttled steps; null when none had one).</summary>
    public void Throttled(TimeSpan? retryAfter)
    {
        Interval = Clamp(Max(Interval * 1.5, Step));
        if (retryAfter is { } wait)
        {
            _lastRetryAfter = wait;
        }
        else
        {
            _backoff = _backoff == TimeSpan.Zero ? FirstBackoff : Min(_backoff * 2, MaxBackoff);
        }

        Hold(retryAfter ?? _backoff);
    }

    /// <summary>An answer that got through, with the highest <c>x-ms-throttle-limit-percentage</c> it (or its steps) carried.</summary>
    public void Answered(double? limitPercentage)
    {
        _backoff = TimeSpan.Zero;
        if (limitPercentage >= 1.0)
        {
            // The window's budget is spent: waiting for the next one is the whole remedy. Widening the pause as well would
            // compound at every window (a budget spent each window says so every time) and starve it.
            Hold(_lastRetryAfter ?? options.MaxRequestInterval);
            return;
        }

        Interval = limitPercentage >= NearLimit ? Clamp(Max(Interval * 1.5, Step)) : Clamp(Interval / 2 < Step ? TimeSpan.Zero : Interval / 2);
    }

    private void Hold(TimeSpan wait)
    {
        var resume = time.GetUtcNow() + wait;
        _next = resume > _next ? resume : _next;
    }

    private TimeSpan Clamp(TimeSpan value) =>
        value > options.MaxRequestInterval ? options.MaxRequestInterval : value < options.MinRequestInterval ? options.MinRequestInterval : value;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
