using System.Net.Http.Headers;
using System.Net.Http.Json;
using Whfb.Ingest.Apis;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;

namespace Whfb.Ingest.Tests;

/// <summary>
/// Ingest in the test process on its own database and RabbitMQ virtual host, with two tenants' admin API keys
/// configured; collectors get real keys through the admin API.
/// </summary>
public class IngestHost : IAsyncLifetime
{
    public static readonly Guid TenantA = Guid.Parse("0a0a0a0a-1111-4111-8111-0a0a0a0a0a0a");
    public static readonly Guid TenantB = Guid.Parse("0b0b0b0b-2222-4222-8222-0b0b0b0b0b0b");

    private readonly Dictionary<Guid, string> adminKeys = new() { [TenantA] = ApiKeyHasher.NewKey("adm"), [TenantB] = ApiKeyHasher.NewKey("adm") };
    private IsolatedDatabase db = null!;

    public IsolatedVirtualHost VirtualHost { get; private set; } = null!;

    public ServiceFactory<IngestApp> Factory { get; private set; } = null!;

    public string OperatorKeyA { get; } = ApiKeyHasher.NewKey("op");

    public string OperatorKeyB { get; } = ApiKeyHasher.NewKey("op");

    /// <summary>Ingest settings a test class changes (limits, timeouts).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>();

    /// <summary>True to serve on a real Kestrel port (for clients outside the process, like pwsh).</summary>
    protected virtual bool UseKestrel => false;

    public Uri? KestrelAddress { get; private set; }

    public virtual async Task InitializeAsync()
    {
        db = await IsolatedDatabase.CreateAsync("ingest");
        VirtualHost = await IsolatedVirtualHost.CreateAsync("ingest");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ingestdb"] = db.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = VirtualHost.AmqpConnectionString,
        };
        AddApiKey(settings, 0, "admin-a", TenantA, WhfbRoles.Admin, adminKeys[TenantA]);
        AddApiKey(settings, 1, "admin-b", TenantB, WhfbRoles.Admin, adminKeys[TenantB]);
        AddApiKey(settings, 2, "operator-a", TenantA, WhfbRoles.Operator, OperatorKeyA);
        AddApiKey(settings, 3, "operator-b", TenantB, WhfbRoles.Operator, OperatorKeyB);
        foreach (var (key, value) in Overrides)
            settings[key] = value;
        Factory = new ServiceFactory<IngestApp>(settings);
        if (UseKestrel)
        {
            var port = FreePort.Next();
            Factory.UseKestrel(port);
            KestrelAddress = new Uri($"http://127.0.0.1:{port}");
        }

        Factory.StartServer();
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await db.DisposeAsync();
    }

    public HttpClient Client(string scheme, string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, key);
        return client;
    }

    public HttpClient Admin(Guid tenant) => Client("ApiKey", AdminKey(tenant));

    public string AdminKey(Guid tenant) => adminKeys[tenant];

    public string ConnectionString => db.ConnectionString;

    public async Task<CollectorKeysApi.CreatedKey> CreateKeyAsync(Guid tenant, string name = "test collector", string kind = "enrollment")
    {
        var response = await Admin(tenant).PostAsJsonAsync("/v1/admin/collector-keys", new { name, kind });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CollectorKeysApi.CreatedKey>())!;
    }

    /// <summary>A client posting as a new collector of the tenant.</summary>
    public async Task<HttpClient> CollectorAsync(Guid tenant) => Client("Bearer", (await CreateKeyAsync(tenant)).Key);

    /// <summary>Enrolls the device with an enrollment key (a new one of the tenant unless given).</summary>
    public async Task<EnrollApi.EnrolledDevice> EnrollAsync(Guid tenant, Guid device, string? enrollmentKey = null, string deviceName = "PC-0001")
    {
        var response = await Client("Bearer", enrollmentKey ?? (await CreateKeyAsync(tenant)).Key).PostAsJsonAsync("/v1/enroll", new { deviceId = device, deviceName });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnrollApi.EnrolledDevice>())!;
    }

    /// <summary>A client posting as the enrolled device, with its own device key.</summary>
    public async Task<HttpClient> DeviceAsync(Guid tenant, Guid device) => Client("Bearer", (await EnrollAsync(tenant, device)).Key);

    private static void AddApiKey(Dictionary<string, string?> settings, int index, string name, Guid tenant, string role, string key)
    {
        var prefix = $"Auth:ApiKeys:{index}:";
        settings[prefix + "Name"] = name;
        settings[prefix + "TenantId"] = tenant.ToString();
        settings[prefix + "Role"] = role;
        settings[prefix + "Sha256"] = ApiKeyHasher.Hash(key);
    }
}
