using System.Diagnostics;

namespace Whfb.Cli.Tests;

/// <summary>Runs the built <c>whfb</c> as a real process, with standard input, and captures what it prints.</summary>
/// <remarks>It runs from the CLI project's own output (<see cref="Whfb.Testing.RepositoryPaths.WhfbDll"/>).</remarks>
internal static class WhfbProcess
{
    public static Task<(int ExitCode, string Output)> RunAsync(string stdin, params string[] args) =>
        RunAsync(stdin, new Dictionary<string, string>(), args);

    /// <summary>As above with extra environment variables (service URLs, WHFB_API_KEY).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = Whfb.Testing.RepositoryPaths.WhfbDll;
        var info = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
