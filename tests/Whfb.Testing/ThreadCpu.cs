using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Whfb.Testing;

/// <summary>
/// CPU time of the calling thread (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, in nanoseconds), so a ceiling
/// on parsing work holds while other tests and other people's builds share the cores; wall-clock time where the call is
/// not available. Not /proc/thread-self/schedstat: it moves only at scheduler ticks, so work shorter than a tick would
/// read as zero.
/// </summary>
public static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static (T Result, TimeSpan Cpu) Measure<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var wall = Stopwatch.StartNew();
        var before = Now();
        var result = work();
        var after = Now();
        return (result, before is { } b && after is { } a ? a - b : wall.Elapsed);
    }

    /// <summary>The calling thread's CPU time so far, or null where the platform does not say.</summary>
    public static TimeSpan? Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return clock_gettime(ClockThreadCpuTime, out var time) == 0 ? TimeSpan.FromTicks((time.Seconds * 1_000_000_000 + time.Nanoseconds) / 100) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Timespec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }
}
