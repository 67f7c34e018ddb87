using System.Diagnostics;
using System.Globalization;

namespace Whfb.Testing;

/// <summary>
/// CPU time of the calling thread (Linux: /proc/thread-self/schedstat, in nanoseconds), so a ceiling on parsing work
/// holds while other tests and other people's builds share the cores; wall-clock time where that file is missing.
/// </summary>
public static class ThreadCpu
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    public static (T Result, TimeSpan Cpu) Measure<T>(Func<T> work)
    {
        var wall = Stopwatch.StartNew();
        var before = Now();
        var result = work();
        var after = Now();
        return (result, before is { } b && after is { } a ? a - b : wall.Elapsed);
    }

    /// <summary>The calling thread's CPU time so far, or null where the kernel does not say.</summary>
    public static TimeSpan? Now()
    {
        if (!File.Exists(SchedStat))
            return null;
        var first = File.ReadAllText(SchedStat).Split(' ')[0];
        return TimeSpan.FromTicks(long.Parse(first, CultureInfo.InvariantCulture) / 100);
    }
}
