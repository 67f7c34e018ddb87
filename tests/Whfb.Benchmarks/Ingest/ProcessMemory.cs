namespace Whfb.Benchmarks.Ingest;

/// <summary>Peak resident memory (Linux VmHWM) of the service process that listens on a given base address.</summary>
public static class ProcessMemory
{
    /// <summary>The pid of the process started with ASPNETCORE_URLS=<paramref name="baseAddress"/>, or null.</summary>
    public static int? FindByUrls(Uri baseAddress)
    {
        var marker = "ASPNETCORE_URLS=" + baseAddress;
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Contains(marker))
                    return pid;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // exited or not ours
            }
        }

        return null;
    }

    /// <summary>Peak resident set size in MiB, or NaN when unknown.</summary>
    public static double PeakMiB(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
            return double.NaN;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}
