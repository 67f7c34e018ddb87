namespace Whfb.Benchmarks.Directory;

/// <summary>One timed pass over the OU: entries and key values seen, and what it cost.</summary>
/// <param name="ProcessorTime">CPU time of this process (all threads) during the pass: the client's own share.</param>
internal sealed record ScanSample(
    TimeSpan Elapsed, int Users, int Keys, long AllocatedBytes = 0, long PeakWorkingSetBytes = 0, TimeSpan ProcessorTime = default)
{
    public double UsersPerSecond => Users / Elapsed.TotalSeconds;

    public double KeysPerSecond => Keys / Elapsed.TotalSeconds;
}

/// <summary>Median and minimum of repeated samples (the median is what the ratios use).</summary>
internal sealed record SampleStats(ScanSample Median, ScanSample Min, int Count)
{
    public static SampleStats Of(IReadOnlyList<ScanSample> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples", nameof(samples));
        }

        var sorted = samples.OrderBy(s => s.Elapsed).ToArray();
        return new SampleStats(sorted[(sorted.Length - 1) / 2], sorted[0], sorted.Length);
    }

    public long MaxAllocatedBytes { get; init; }

    public long MaxPeakWorkingSetBytes { get; init; }

    public static SampleStats WithMemory(IReadOnlyList<ScanSample> samples) => Of(samples) with
    {
        MaxAllocatedBytes = samples.Max(s => s.AllocatedBytes),
        MaxPeakWorkingSetBytes = samples.Max(s => s.PeakWorkingSetBytes),
    };
}
