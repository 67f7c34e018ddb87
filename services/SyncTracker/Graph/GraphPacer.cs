namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Adaptive request rate for one caller (the inventory runs one request at a time): a 429 holds every request until its
/// Retry-After has passed and widens the pause between requests by half; an answer carrying
/// <c>x-ms-throttle-limit-percentage</c> ≥ 0.8 (the app is near its limit) widens it by half too; any other answer halves
/// it, down to the configured minimum, so after a throttling episode the rate climbs back within a few requests.
/// Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class GraphPacer(GraphInventoryOptions options, TimeProvider time)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

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

    public void Throttled(TimeSpan? retryAfter)
    {
        Interval = Clamp(Max(Interval * 1.5, Step));
        var resume = time.GetUtcNow() + (retryAfter ?? Interval);
        _next = resume > _next ? resume : _next;
    }

    public void Answered(double? limitPercentage)
    {
        Interval = limitPercentage >= 0.8 ? Clamp(Max(Interval * 1.5, Step)) : Clamp(Interval / 2 < Step ? TimeSpan.Zero : Interval / 2);
    }

    private TimeSpan Clamp(TimeSpan value) =>
        value > options.MaxRequestInterval ? options.MaxRequestInterval : value < options.MinRequestInterval ? options.MinRequestInterval : value;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
