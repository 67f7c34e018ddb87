using System.Diagnostics;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Peak resident set of this process over one measured section: Linux resets VmHWM when "5" is written
/// to /proc/self/clear_refs; elsewhere the process-lifetime peak is the best there is.
/// </summary>
internal static class PeakMemory
{
    private const string ClearRefs = "/proc/self/clear_refs";
    private const string Status = "/proc/self/status";

    public static void Reset()
    {
        try
        {
            File.WriteAllText(ClearRefs, "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: Read falls back to the lifetime peak.
        }
    }

    public static long Read()
    {
        if (File.Exists(Status))
        {
            var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), out var kb))
            {
                return kb * 1024;
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
