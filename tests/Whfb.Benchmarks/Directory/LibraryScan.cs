using System.Diagnostics;
using Whfb.Directory.Ldap;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Scans the OU with <see cref="KeyCredentialScanner"/> (connect and bind included, like ldapsearch's
/// process start) and counts the values that decoded with a valid KeyID and KeyHash.
/// </summary>
internal static class LibraryScan
{
    public static async Task<ScanSample> FullAsync(
        DirectoryBenchSettings settings, CancellationToken cancellationToken, Action<KeyScanPage>? onPage = null)
    {
        var (sample, summary) = await MeasureAsync(settings, new KeyScanRequest { ForceFull = true }, onPage, cancellationToken);
        Require(summary.Mode == ScanMode.Full && summary.UndecodableValues == 0, $"full scan: {summary}");
        return sample;
    }

    public static async Task<(ScanSample Sample, KeyScanSummary Summary)> MeasureAsync(
        DirectoryBenchSettings settings,
        KeyScanRequest request,
        Action<KeyScanPage>? onPage,
        CancellationToken cancellationToken)
    {
        var validKeys = 0;
        GC.Collect();
        PeakMemory.Reset();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        KeyScanSummary summary;
        using (var scanner = new KeyCredentialScanner(settings.Options()))
        {
            summary = await scanner.ScanAsync(request, (page, _) =>
            {
                foreach (var user in page.Users)
                {
                    validKeys += user.Values.Count(v => v.Key is { KeyIdValid: true, KeyHashValid: true });
                }

                onPage?.Invoke(page);
                return ValueTask.CompletedTask;
            }, cancellationToken);
        }

        clock.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Require(validKeys == summary.Values, $"{summary.Values - validKeys} values failed to decode or verify");
        return (new ScanSample(clock.Elapsed, summary.Users, validKeys, allocated, PeakMemory.Read(), cpu), summary);
    }

    public static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark precondition failed: {what}");
        }
    }
}
