using System.Diagnostics;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// Runs a benchmark mode again in a child process under the SyncTracker service's GC settings (workstation,
/// background GC on: see services/SyncTracker/Whfb.SyncTracker.csproj), so the engine's memory is measured as the
/// service would hold it, whatever this benchmark host's own GC settings are.
/// </summary>
internal static class ServiceGcProcess
{
    private const string Marker = "WHFB_BENCH_SERVICE_GC";

    public static bool IsChild => Environment.GetEnvironmentVariable(Marker) == "1";

    public static async Task<int> RunAsync(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ServiceGcProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[Marker] = "1";
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_gcConcurrent"] = "1";
        using var child = Process.Start(info) ?? throw new InvalidOperationException("could not start the benchmark child");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
