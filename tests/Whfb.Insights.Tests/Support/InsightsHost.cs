using System.Net.Http.Headers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;
using Xunit;

namespace Whfb.Insights.Tests.Support;

/// <summary>
/// The real Insights service on its own database and virtual host of the real servers, with API keys for two
/// tenants (operator and admin each). Shared by the integration tests; each test uses fresh device and user ids.
/// </summary>
public class InsightsHost : IAsyncLifetime
{
    public static readonly Guid TenantA = Guid.Parse("a0000000-0000-4000-8000-00000000000a");
    public static readonly Guid TenantB = Guid.Parse("b0000000-0000-4000-8000-00000000000b");
    private IsolatedDatabase database = null!;
    private IsolatedVirtualHost vhost = null!;

    public ServiceFactory<InsightsApp> Service { get; private set; } = null!;

    public string ConnectionString => database.ConnectionString;

    private Dictionary<string, string?> settings = [];

    public async Task InitializeAsync()
    {
        database = await IsolatedDatabase.CreateAsync("insights");
        vhost = await IsolatedVirtualHost.CreateAsync("insights");
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:insightsdb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = vhost.AmqpConnectionString,
            ["Insights:Alerts:PollIntervalMs"] = "200",
            ["Insights:Alerts:AllowLoopback"] = "true",
        };
        var index = 0;
        foreach (var tenant in Tenants)
        {
            foreach (var role in new[] { WhfbRoles.Operator, WhfbRoles.Admin })
            {
                settings[$"Auth:ApiKeys:{index}:Name"] = $"{role}-{tenant}";
                settings[$"Auth:ApiKeys:{index}:TenantId"] = tenant.ToString();
                settings[$"Auth:ApiKeys:{index}:Role"] = role;
                settings[$"Auth:ApiKeys:{index}:Sha256"] = ApiKeyHasher.Hash(KeyOf(tenant, role));
                index++;
            }
        }

        Start();
    }

    /// <summary>Stops the service (like a deploy) and starts a new instance on the same database and virtual host.</summary>
    public async Task RestartAsync()
    {
        await Service.DisposeAsync();
        Start();
    }

    /// <summary>The tenants that get an operator and an admin key.</summary>
    protected virtual IEnumerable<Guid> Tenants => [TenantA, TenantB];

    /// <summary>Kestrel on a loopback port instead of the in-memory test server (for a real browser).</summary>
    protected virtual bool UseKestrel => false;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private void Start()
    {
        Service = new ServiceFactory<InsightsApp>(settings, ConfigureServices);
        if (UseKestrel)
        {
            Service.UseKestrel(0);
        }

        Service.StartServer();
    }

    public static string KeyOf(Guid tenant, string role) => $"test_{role}_{tenant:N}";

    public HttpClient Client(Guid tenant, string role = WhfbRoles.Operator)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", KeyOf(tenant, role));
        return client;
    }

    public Task PublishAsync(params object[] messages) => Service.Services.GetRequiredService<IBus>().PublishAllAsync(messages);

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    public virtual async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await vhost.DisposeAsync();
        await database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InsightsCollection : ICollectionFixture<InsightsHost>
{
    public const string Name = "insights";
}
