namespace Whfb.Benchmarks.SyncTracker;

/// <summary>A clock the benchmark moves by hand (the engine only reads the time).</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
