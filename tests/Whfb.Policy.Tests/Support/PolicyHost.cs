using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MassTransit;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Whfb.Policy.Gates;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;

namespace Whfb.Policy.Tests.Support;

/// <summary>
/// The real Policy service on its own database and virtual host of the real servers, on a fake clock, against the
/// Graph emulator through the real SDK, with API keys for an admin and an operator of the served tenant and of another.
/// </summary>
public sealed class PolicyHost : IAsyncLifetime
{
    public static readonly Guid OtherTenant = Guid.Parse("b0000000-0000-4000-8000-00000000000b");
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private IsolatedDatabase _database = null!;
    private IsolatedVirtualHost _vhost = null!;
    private Dictionary<string, string?> _settings = null!;

    public static DateTimeOffset Start { get; } = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static TimeSpan GateInterval { get; } = TimeSpan.FromSeconds(30);

    public RolloutTenant Graph { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public PolicyEvents Events { get; private set; } = null!;

    public ServiceFactory<PolicyApp> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Graph.InitializeAsync();
        _database = await IsolatedDatabase.CreateAsync("policy");
        _vhost = await IsolatedVirtualHost.CreateAsync("policy");
        _settings = new Dictionary<string, string?>(Graph.ConnectionSettings())
        {
            ["ConnectionStrings:policydb"] = _database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = _vhost.AmqpConnectionString,
            ["Policy:GateInterval"] = GateInterval.ToString("c"),
        };
        AddApiKeys(_settings);
        await StartServiceAsync();
    }

    /// <summary>Stops the service and starts a new process of it on the same database and virtual host.</summary>
    public async Task RestartAsync()
    {
        await Service.DisposeAsync();
        await StartServiceAsync();
    }

    private async Task StartServiceAsync()
    {
        Service = new ServiceFactory<PolicyApp>(_settings, s => s.AddSingleton<TimeProvider>(Time));
        _ = Service.Server;
        Events = await PolicyEvents.ConnectAsync(Service.Services.GetRequiredService<IBus>());
    }

    public static string KeyOf(Guid tenant, string role) => $"test_{role}_{tenant:N}";

    public HttpClient Client(string role = WhfbRoles.Admin, Guid? tenant = null)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", KeyOf(tenant ?? RolloutTenant.Tenant, role));
        return client;
    }

    public HttpClient Anonymous() => Service.CreateClient();

    public string ConnectionString => _database.ConnectionString;

    public Task PublishAsync(object message) => Service.Services.GetRequiredService<IBus>().PublishAllAsync([message]);

    /// <summary>One pass of the gate loop, as the timer runs it.</summary>
    public Task EvaluateGatesAsync() => Service.Services.GetRequiredService<GateEvaluationService>().EvaluateAllAsync(CancellationToken.None);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How often the consumers took the message with this id (inbox rows; 0 or 1 per consumer).</summary>
    public Task<long> InboxRowsAsync(Guid messageId) => ScalarAsync($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'");

    /// <summary>Waits until a consumer took each message, applied or dropped: the inbox row commits with the effect.</summary>
    public Task ProcessedAsync(params Guid[] messageIds) =>
        Eventually.Async(async () => (await Task.WhenAll(messageIds.Select(InboxRowsAsync))).All(rows => rows > 0));

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (JsonObject)(await response.Content.ReadFromJsonAsync<JsonNode>())!;

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
        await Graph.DisposeAsync();
    }

    private static void AddApiKeys(Dictionary<string, string?> settings)
    {
        var index = 0;
        foreach (var tenant in new[] { RolloutTenant.Tenant, OtherTenant })
        {
            foreach (var role in new[] { WhfbRoles.Admin, WhfbRoles.Operator })
            {
                settings[$"Auth:ApiKeys:{index}:Name"] = $"{role}@{tenant}";
                settings[$"Auth:ApiKeys:{index}:TenantId"] = tenant.ToString();
                settings[$"Auth:ApiKeys:{index}:Role"] = role;
                settings[$"Auth:ApiKeys:{index}:Sha256"] = ApiKeyHasher.Hash(KeyOf(tenant, role));
                index++;
            }
        }
    }
}
