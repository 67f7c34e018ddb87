using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.Throttling;

/// <summary>
/// Intune's limits, in fixed windows on <see cref="TimeProvider"/> time: every request of an Intune service counts against
/// the app's and the tenant's request limits of that service, a write also against its write limits; a request is admitted
/// only when all of them have room, and a refused one waits until the fullest of them resets.
/// </summary>
public sealed class IntuneThrottle(IOptions<IntuneLimitOptions> options, TimeProvider time)
{
    private const string AllApps = "*";
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Scope, bool Devices, bool Write), (DateTimeOffset Start, int Count)> _windows = [];

    /// <summary>Null when admitted, otherwise the time to wait.</summary>
    public TimeSpan? TryAcquire(string clientId, ThrottleBucket bucket)
    {
        var settings = options.Value;
        var (devices, write) = (IntuneLimits.IsDevices(bucket), IntuneLimits.IsWrite(bucket));
        var limits = devices ? settings.Devices : settings.Configuration;
        var counted = new List<((string, bool, bool) Key, int Limit)>
        {
            ((clientId, devices, false), limits.RequestsPerApp),
            ((AllApps, devices, false), limits.RequestsPerTenant),
        };
        if (write)
        {
            counted.Add(((clientId, devices, true), limits.WritesPerApp));
            counted.Add(((AllApps, devices, true), limits.WritesPerTenant));
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            var windows = counted.Select(c => (c.Key, c.Limit, Window: Current(c.Key, now, settings.Window))).ToList();
            var full = windows.Where(w => w.Window.Count >= w.Limit).ToList();
            if (full.Count > 0)
            {
                return full.Max(w => w.Window.Start + settings.Window - now);
            }

            foreach (var (key, _, window) in windows)
            {
                _windows[key] = (window.Start, window.Count + 1);
            }

            return null;
        }
    }

    private (DateTimeOffset Start, int Count) Current((string, bool, bool) key, DateTimeOffset now, TimeSpan length) =>
        _windows.TryGetValue(key, out var window) && now < window.Start + length ? window : (now, 0);
}
