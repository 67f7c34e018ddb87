using System.Net.Http.Headers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;

namespace Whfb.SyncTracker.Tests.Support;

/// <summary>
/// The real SyncTracker on its own database and virtual host of the real servers, on a fake clock, with an event
/// counter bound in the same virtual host. <see cref="RestartAsync"/> stops the service and starts it again on the same state.
/// </summary>
public sealed class SyncTrackerHost : IAsyncDisposable
{
    public static readonly Guid TenantA = Guid.Parse("a0000000-0000-4000-8000-00000000000a");
    public static readonly Guid TenantB = Guid.Parse("b0000000-0000-4000-8000-00000000000b");

    private readonly Dictionary<string, string?> _settings;
    private readonly IsolatedDatabase _database;
    private readonly IsolatedVirtualHost _vhost;

    private SyncTrackerHost(IsolatedDatabase database, IsolatedVirtualHost vhost, EventCounter events, Dictionary<string, string?> settings)
    {
        _database = database;
        _vhost = vhost;
        _settings = settings;
        Events = events;
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>How long a test waits for the service: the machine is shared, and a full AD scan plus a Graph pass can take a while under load.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(90);

    public FakeTimeProvider Time { get; } = new(Start);

    public EventCounter Events { get; }

    public ServiceFactory<SyncTrackerApp> Service { get; private set; } = null!;

    public static async Task<SyncTrackerHost> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var database = await IsolatedDatabase.CreateAsync("synctracker");
        var vhost = await IsolatedVirtualHost.CreateAsync("synctracker");
        var settings = new Dictionary<string, string?>(extra ?? [])
        {
            ["ConnectionStrings:synctrackerdb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = vhost.AmqpConnectionString,
            ["SyncTracker:TenantId"] = TenantA.ToString(),
        };
        AddApiKeys(settings);
        var host = new SyncTrackerHost(database, vhost, await EventCounter.StartAsync(vhost.AmqpConnectionString), settings);
        host.Boot();
        return host;
    }

    public static string KeyOf(Guid tenant) => $"test_operator_{tenant:N}";

    public static string AdminKeyOf(Guid tenant) => $"test_admin_{tenant:N}";

    public string ConnectionString => _database.ConnectionString;

    public HttpClient Client(Guid tenant) => WithKey(KeyOf(tenant));

    public HttpClient Admin(Guid tenant) => WithKey(AdminKeyOf(tenant));

    private HttpClient WithKey(string key)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    public Task PublishAsync(object message) => Service.Services.GetRequiredService<IBus>().PublishAllAsync([message]);

    /// <summary>Stops the service and starts it again on the same state, with <paramref name="changes"/> applied to its settings (null removes one).</summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string?>? changes = null)
    {
        await Service.DisposeAsync();
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                _settings.Remove(key);
            }
            else
            {
                _settings[key] = value;
            }
        }


        // MassTransit keeps the first host's (now disposed) logger factory in a static; a second host in the process needs a fresh one.
        LogContext.ConfigureCurrentLogContext(NullLoggerFactory.Instance);
        Boot();
    }

    /// <summary>Moves the fake clock in steps, giving the service's timer a chance to run at each.</summary>
    public async Task AdvanceAsync(TimeSpan span, TimeSpan step)
    {
        for (var moved = TimeSpan.Zero; moved < span; moved += step)
        {
            Time.Advance(step);
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Moves the clock a minute at a time until <paramref name="condition"/> holds. A stuck key or a stalled pipeline needs
    /// a scan fresh on the fake clock, and scans take real time: the clock must not race ahead of them.
    /// </summary>
    public Task AdvanceUntilAsync(Func<bool> condition) => AdvanceUntilAsync(() => Task.FromResult(condition()), TimeSpan.FromMinutes(1));

    /// <summary>The service's /health/ready report (JSON).</summary>
    public Task<string> ReadinessAsync() => Service.CreateClient().GetStringAsync(new Uri("/health/ready", UriKind.Relative));

    /// <summary>
    /// Moves the fake clock a step at a time until the condition holds: the service's timers run on it, while the emulator
    /// (and its throttling windows) run on real time.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Condition not met within {Patience} while the clock moved on");
            Time.Advance(step);
            await Task.Delay(200);
        }
    }

    /// <summary>GET /v1/sync/health of tenant A, as JSON.</summary>
    public async Task<System.Text.Json.JsonElement> SyncHealthAsync()
    {
        using var client = Client(TenantA);
        return System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/v1/sync/health")).RootElement.Clone();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Events.DisposeAsync();
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
    }

    private void Boot()
    {
        Service = new ServiceFactory<SyncTrackerApp>(_settings, s => s.AddSingleton<TimeProvider>(Time));
        _ = Service.Server;
    }

    private static void AddApiKeys(Dictionary<string, string?> settings)
    {
        var index = 0;
        foreach (var tenant in new[] { TenantA, TenantB })
        {
            settings[$"Auth:ApiKeys:{index}:Name"] = $"operator-{tenant}";
            settings[$"Auth:ApiKeys:{index}:TenantId"] = tenant.ToString();
            settings[$"Auth:ApiKeys:{index}:Role"] = WhfbRoles.Operator;
            settings[$"Auth:ApiKeys:{index}:Sha256"] = ApiKeyHasher.Hash(KeyOf(tenant));
            index++;
            settings[$"Auth:ApiKeys:{index}:Name"] = $"admin-{tenant}";
            settings[$"Auth:ApiKeys:{index}:TenantId"] = tenant.ToString();
            settings[$"Auth:ApiKeys:{index}:Role"] = WhfbRoles.Admin;
            settings[$"Auth:ApiKeys:{index}:Sha256"] = ApiKeyHasher.Hash(AdminKeyOf(tenant));
            index++;
        }
    }
}
