using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.Throttling;

public sealed partial class GraphThrottle
{
    /// <summary>
    /// The share of the app's budget in this bucket used so far in the current window (1.0 = all of it), what Graph reports
    /// in <c>x-ms-throttle-limit-percentage</c>.
    /// </summary>
    public double UsedFraction(string clientId, ThrottleBucket bucket)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _windows.TryGetValue((clientId, bucket), out var window) && now < window.Start + settings.ThrottleWindow
                ? (double)window.Count / Math.Max(1, Limit(bucket))
                : 0;
        }
    }

    private int Limit(ThrottleBucket bucket) =>
        bucket == ThrottleBucket.Reports ? options.Value.ReportsRequestsPerWindow : options.Value.RequestsPerWindow;
}
