using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.Throttling;

/// <summary>
/// Fixed-window request budgets per app (client id) and bucket, on <see cref="TimeProvider"/> time. A request
/// over budget gets how long until the window resets (Retry-After).
/// </summary>
public sealed partial class GraphThrottle(IOptions<GraphEmulatorOptions> options, TimeProvider time, IntuneThrottle intune)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string App, ThrottleBucket Bucket), Window> _windows = [];

    /// <summary>Null when admitted, otherwise the time to wait.</summary>
    public TimeSpan? TryAcquire(string clientId, ThrottleBucket bucket)
    {
        if (IntuneLimits.Covers(bucket))
        {
            return intune.TryAcquire(clientId, bucket);
        }

        var settings = options.Value;
        var limit = Limit(bucket);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_windows.TryGetValue((clientId, bucket), out var window) || now >= window.Start + settings.ThrottleWindow)
            {
                window = new Window(now, 0);
            }

            if (window.Count >= limit)
            {
                return window.Start + settings.ThrottleWindow - now;
            }

            _windows[(clientId, bucket)] = window with { Count = window.Count + 1 };
            return null;
        }
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
