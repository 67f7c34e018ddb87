using System.Diagnostics;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// Watches one strict-profile run every few seconds until the first full inventory is complete and every key is Synced:
/// when that happened, the worst count of AD values left unconfirmed past their grace, and any key stuck or orphaned.
/// </summary>
internal sealed class StrictRun(SyncTrackerProcess service, int users, Stopwatch clock)
{
    private const string Unconfirmed = "SELECT count(*) FROM tracked_keys WHERE state = 'Unmatched' AND unmatched_since < now() - interval '2 minutes'";
    private const string Wrong = "SELECT count(*) FROM tracked_keys WHERE state IN ('Stuck', 'Recovered', 'Orphaned') OR stuck_since IS NOT NULL";
    private TimeSpan? _inventory;
    private TimeSpan? _allSynced;
    private long _maxUnconfirmed;
    private long _wrong;
    private Dictionary<string, long> _states = [];

    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var next = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested && (_inventory is null || _allSynced is null))
        {
            var health = await StrictBenchmark.HealthAsync(service, cancellationToken);
            _states = await service.KeyStatesAsync();
            _maxUnconfirmed = Math.Max(_maxUnconfirmed, await service.ScalarAsync(Unconfirmed));
            _wrong = Math.Max(_wrong, await service.ScalarAsync(Wrong));
            if (health.TryGetProperty("inventory", out var inventory) && inventory.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                _inventory ??= inventory.GetProperty("complete").GetBoolean() ? clock.Elapsed : null;
                if (clock.Elapsed >= next)
                {
                    Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F0} s: owed {inventory.GetProperty("usersOwed")}, never listed " +
                        $"{inventory.GetProperty("usersNeverListed")}, requests/10 min {inventory.GetProperty("requestsLast10Min")}, " +
                        $"throttled/10 min {inventory.GetProperty("throttledLast10Min")}, states {string.Join(", ", _states.Select(s => $"{s.Key} {s.Value}"))}");
                    next += TimeSpan.FromMinutes(1);
                }
            }

            _allSynced ??= _states.GetValueOrDefault("Synced") == users ? clock.Elapsed : null;
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    public StrictOutcome Outcome(long requests, long throttled, double peakMiB) =>
        new(users, _inventory, _allSynced, requests, throttled, _wrong, _maxUnconfirmed, _states, peakMiB);
}
