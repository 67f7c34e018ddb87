using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Whfb.Testing;

/// <summary>
/// A service running as its own OS process (the built DLL), so a test can kill it for real (SIGKILL) and start
/// it again. Output goes to a log file next to the test results.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, Uri baseAddress, string logFile)
    {
        this.process = process;
        BaseAddress = baseAddress;
        LogFile = logFile;
    }

    public Uri BaseAddress { get; }

    public string LogFile { get; }

    /// <summary>The operating system's id of the service process (for CPU readings from /proc).</summary>
    public int Pid => process.Id;

    public static async Task<ServiceProcess> StartAsync(string projectName, IReadOnlyDictionary<string, string> environment, TimeSpan readyWithin)
    {
        var dll = RepositoryPaths.ServiceDll(projectName);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var logFile = Path.Combine(Path.GetTempPath(), $"{projectName}-{port}.log");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        info.Environment["Management__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture); // tests and benchmarks read /metrics
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["MALLOC_ARENA_MAX"] = "2"; // as the service image and deploy/local/services.sh run services
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, baseAddress, logFile);
        await service.WaitUntilReadyAsync(readyWithin);
        return service;
    }

    /// <summary>
    /// Runs the service's <c>migrate</c> job (what a production deploy runs before the new version starts) with that
    /// environment and waits for it to succeed.
    /// </summary>
    public static async Task MigrateAsync(string projectName, IReadOnlyDictionary<string, string> environment, TimeSpan within)
    {
        var dll = RepositoryPaths.ServiceDll(projectName);
        var info = new ProcessStartInfo("dotnet", [dll, "migrate"]) { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll} migrate");
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(within);
        await process.WaitForExitAsync(timeout.Token);
        var text = string.Concat(await output);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{projectName} migrate exited with {process.ExitCode}: {text}");
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a crashed container.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"service exited with {process.ExitCode}; log: {LogFile}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow answer while starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"service not ready within {timeout}; log: {LogFile}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
