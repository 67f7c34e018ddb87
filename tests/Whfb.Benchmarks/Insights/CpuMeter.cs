using System.Diagnostics;
using Npgsql;

namespace Whfb.Benchmarks.Insights;

/// <summary>
/// CPU seconds one path cost: this process (and its busiest threads, e.g. the JIT's), the database's client backends
/// (from <c>/proc</c>), and the time the GC paused this process. Less load-dependent than wall time on a shared machine.
/// </summary>
public sealed class CpuMeter
{
    private readonly TimeSpan client = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan pause = GC.GetTotalPauseDuration();
    private readonly Dictionary<string, double> threads = Threads();
    private readonly Dictionary<int, double> backends;

    private CpuMeter(Dictionary<int, double> backends) => this.backends = backends;

    public static async Task<CpuMeter> StartAsync(NpgsqlDataSource dataSource) => new(await BackendsAsync(dataSource));

    public async Task<string> StopAsync(NpgsqlDataSource dataSource)
    {
        var clientSeconds = (Process.GetCurrentProcess().TotalProcessorTime - client).TotalSeconds;
        var serverSeconds = (await BackendsAsync(dataSource)).Sum(p => p.Value - backends.GetValueOrDefault(p.Key));
        var busiest = Threads().Select(p => (Name: p.Key, Seconds: p.Value - threads.GetValueOrDefault(p.Key)))
            .Where(p => p.Seconds >= 0.5).OrderByDescending(p => p.Seconds).Select(p => $"{p.Name} {p.Seconds:F1}");
        return $"cpu: client {clientSeconds:F1} s ({string.Join(", ", busiest)}), server {serverSeconds:F1} s, " +
            $"gc pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F1} s";
    }

    private static Dictionary<string, double> Threads()
    {
        var result = new Dictionary<string, double>();
        foreach (var (name, seconds) in System.IO.Directory.GetDirectories("/proc/self/task").Select(t => Stat(Path.Combine(t, "stat"))).OfType<(string, double)>())
        {
            result[name] = result.GetValueOrDefault(name) + seconds;
        }

        return result;
    }

    private static async Task<Dictionary<int, double>> BackendsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'");
        var result = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (Stat($"/proc/{reader.GetInt32(0)}/stat") is { } stat)
            {
                result[reader.GetInt32(0)] = stat.Seconds;
            }
        }

        return result;
    }

    /// <summary>Name and user + system CPU seconds of a process or thread, or null when it is gone or not readable.</summary>
    internal static (string Name, double Seconds)? Stat(string path)
    {
        try
        {
            var stat = File.ReadAllText(path);
            var end = stat.LastIndexOf(')');
            var fields = stat[(end + 2)..].Split(' ');
            return (stat[(stat.IndexOf('(') + 1)..end], (double.Parse(fields[11]) + double.Parse(fields[12])) / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
