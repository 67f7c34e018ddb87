using System.Diagnostics;

namespace Whfb.Ingest.Tests;

/// <summary>Runs a program to completion (5 minutes at most) and returns its exit code with stdout and stderr.</summary>
internal static class ExternalProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await output + await error);
    }

    /// <summary>As <see cref="RunAsync"/>, throwing with the output when the exit code is not 0.</summary>
    public static async Task RunCheckedAsync(string file, IReadOnlyList<string> arguments)
    {
        var (exitCode, output) = await RunAsync(file, arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
    }
}
