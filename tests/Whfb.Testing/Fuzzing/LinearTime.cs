namespace Whfb.Testing.Fuzzing;

/// <summary>
/// How a target's time grows with the size of one adversarial shape: the CPU time of the calling thread at a small and a
/// 16 times larger input (best of three each), as the exponent of the growth (1 = linear, 2 = quadratic). Thread CPU
/// time, not wall time, so a busy machine does not look like a slow parser.
/// </summary>
public static class LinearTime
{
    public sealed record Growth(string Target, string Family, int SmallBytes, int LargeBytes, TimeSpan Small, TimeSpan Large)
    {
        /// <summary>Below this, at the larger size, the input is refused or skipped early and timer noise would decide the exponent.</summary>
        public static readonly TimeSpan Negligible = TimeSpan.FromMilliseconds(5);

        /// <summary>Linear enough: the large input costs next to nothing, or the growth stays well below quadratic.</summary>
        public bool IsLinear => Large < Negligible || Exponent < 1.5;

        public double Exponent => Small <= TimeSpan.Zero ? 0 : Math.Log(Large.TotalMilliseconds / Math.Max(Small.TotalMilliseconds, 0.01)) / Math.Log((double)LargeBytes / SmallBytes);
    }

    public static Growth Measure(FuzzTarget target, string family, Func<int, byte[]> build, int smallBytes)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(build);
        var (small, large) = (build(smallBytes), build(smallBytes * 16));
        return new Growth(target.Name, family, small.Length, large.Length, Best(target, small), Best(target, large));
    }

    private static TimeSpan Best(FuzzTarget target, byte[] input)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var spent = target.CpuTimeOf(input);
            best = spent < best ? spent : best;
        }

        return best;
    }
}
