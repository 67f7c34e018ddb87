namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Adaptive request rate for one caller (the inventory runs one request at a time): a 429 doubles the pause between
/// requests and holds every request until its Retry-After has passed; an answer carrying
/// <c>x-ms-throttle-limit-percentage</c> ≥ 0.8 (the app is near its limit) widens the pause by half; other answers
/// narrow it by a quarter, down to the configured minimum. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class GraphPacer(GraphInventoryOptions options, TimeProvider time)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
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
        Interval = Clamp(Max(Interval * 2, Step));
        var resume = time.GetUtcNow() + (retryAfter ?? Interval);
        _next = resume > _next ? resume : _next;
    }

    public void Answered(double? limitPercentage)
    {
        Interval = limitPercentage >= 0.8 ? Clamp(Max(Interval * 1.5, Step)) : Clamp(Interval * 0.75 < Step ? TimeSpan.Zero : Interval * 0.75);
    }

    private TimeSpan Clamp(TimeSpan value) =>
        value > options.MaxRequestInterval ? options.MaxRequestInterval : value < options.MinRequestInterval ? options.MinRequestInterval : value;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
