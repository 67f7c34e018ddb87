namespace Whfb.SyncTracker.Graph;

/// <summary>Two counts over a sliding window of whole minutes (what happened in the last ten minutes, say), on <see cref="TimeProvider"/> time.</summary>
public sealed class RecentCounts(TimeProvider time, TimeSpan window)
{
    private readonly Lock _lock = new();
    private readonly (long Minute, long First, long Second)[] _minutes = new (long, long, long)[Math.Max(1, (int)Math.Ceiling(window.TotalMinutes))];

    public void Add(long first, long second)
    {
        var minute = Minute();
        lock (_lock)
        {
            ref var slot = ref _minutes[minute % _minutes.Length];
            slot = slot.Minute == minute ? (minute, slot.First + first, slot.Second + second) : (minute, first, second);
        }
    }

    public (long First, long Second) Sum()
    {
        var oldest = Minute() - _minutes.Length + 1;
        lock (_lock)
        {
            var live = _minutes.Where(m => m.Minute >= oldest && (m.First != 0 || m.Second != 0)).ToList();
            return (live.Sum(m => m.First), live.Sum(m => m.Second));
        }
    }

    private long Minute() => time.GetUtcNow().ToUnixTimeSeconds() / 60;
}
