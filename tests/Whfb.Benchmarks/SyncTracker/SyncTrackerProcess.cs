using System.Globalization;
using Npgsql;
using Whfb.Benchmarks.Directory;
using Whfb.Benchmarks.Ingest;
using Whfb.Testing;
using Whfb.Testing.Graph;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>The SyncTracker service as its own process, scanning the seeded OU and inventorying the emulator, on fresh state.</summary>
internal sealed class SyncTrackerProcess(ServiceProcess service, IsolatedDatabase database, IsolatedVirtualHost vhost) : IAsyncDisposable
{
    public static readonly Guid Tenant = Guid.Parse("e2e00000-0000-4000-8000-0000000000e2");

    /// <param name="overrides">Environment beyond the defaults below (thresholds, Graph settings, API keys).</param>
    public static async Task<SyncTrackerProcess> StartAsync(DirectoryBenchSettings directory, GraphEmulator graph, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var database = await IsolatedDatabase.CreateAsync("stbench");
        var vhost = await IsolatedVirtualHost.CreateAsync("stbench");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__synctrackerdb"] = database.ConnectionString,
            ["ConnectionStrings__rabbitmq"] = vhost.AmqpConnectionString,
            ["SyncTracker__TenantId"] = Tenant.ToString(),
            ["SyncTracker__Directory__Url"] = directory.Url.ToString(),
            ["SyncTracker__Directory__BindDn"] = directory.BindDn,
            ["SyncTracker__Directory__Password"] = directory.Password,
            ["SyncTracker__Directory__BaseDns__0"] = directory.OuDn,
            ["SyncTracker__Directory__CaCertificatesFile"] = directory.CaCertificatesFile ?? "",
            ["SyncTracker__Directory__AllowPlainTextBind"] = directory.Options().AllowPlainTextBind ? "true" : "false",
            ["SyncTracker__Graph__Enabled"] = "true",
            // The seeded keys are hours old: a long cycle keeps the clock from calling them stuck before the first pass pairs them.
            ["SyncTracker__Thresholds__Cycle"] = "1.00:00:00",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in graph.ConnectionSettings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        // As a production deploy runs it: the migrations as a job first, then the service without migrating at start.
        await ServiceProcess.MigrateAsync("SyncTracker", environment, TimeSpan.FromSeconds(120));
        environment["Database__MigrateOnStartup"] = "false";
        var service = await ServiceProcess.StartAsync("SyncTracker", environment, TimeSpan.FromSeconds(120));
        return new SyncTrackerProcess(service, database, vhost);
    }

    public int? Pid { get; } = ProcessMemory.FindByUrls(service.BaseAddress);

    public double PeakMiB => ProcessMemory.PeakMiB(Pid);

    public Uri BaseAddress => service.BaseAddress;

    public async Task<Dictionary<string, long>> KeyStatesAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT state, count(*) FROM tracked_keys GROUP BY state", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var states = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            states[reader.GetString(0)] = reader.GetInt64(1);
        }

        return states;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>Sum of a counter on the service's Prometheus endpoint (all label sets).</summary>
    public async Task<long> CounterAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var text = await http.GetStringAsync("/metrics");
        return (long)text.Split('\n')
            .Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await service.DisposeAsync();
        await vhost.DisposeAsync();
        await database.DisposeAsync();
    }
}
