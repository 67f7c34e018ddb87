using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Whfb.Ingest;
using Whfb.Testing;

namespace Whfb.Simulator.Tests.Ingest;

/// <summary>
/// The real Ingest (its own database, on a real port) for a fleet to post to, in a tenant whose migration window is
/// over: its enrollment key only enrolls, so whatever Ingest accepts came with a device's own key.
/// </summary>
public sealed class FleetIngest : IAsyncDisposable
{
    private const string AdminKey = "adm_fleet_test_key";

    private readonly IsolatedDatabase _db;

    private FleetIngest(IsolatedDatabase db, ServiceFactory<IngestApp> factory, Uri address)
    {
        (_db, Factory, Address) = (db, factory, address);
    }

    public ServiceFactory<IngestApp> Factory { get; }

    public Uri Address { get; }

    public static async Task<FleetIngest> StartAsync(Guid tenant, IsolatedVirtualHost vhost)
    {
        var db = await IsolatedDatabase.CreateAsync("sim_ingest");
        var factory = new ServiceFactory<IngestApp>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ingestdb"] = db.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = vhost.AmqpConnectionString,
            ["Auth:ApiKeys:0:Name"] = "sim-admin",
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Auth:ApiKeys:0:TenantId"] = tenant.ToString(),
            ["Auth:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdminKey))),
            ["Ingest:TenantKeysPostUntil"] = "2026-01-01T00:00:00Z",
        });
        var port = FreePort();
        factory.UseKestrel(port);
        factory.StartServer();
        return new FleetIngest(db, factory, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async Task<(Guid Id, string Key)> CreateEnrollmentKeyAsync()
    {
        using var admin = Admin();
        using var response = await admin.PostAsync("/v1/admin/collector-keys",
            new StringContent("""{"name":"simulated fleet"}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("id").GetGuid(), body.RootElement.GetProperty("key").GetString()!);
    }

    /// <summary>The tenant's active device keys, as the admin API lists them.</summary>
    public async Task<List<JsonElement>> DeviceKeysAsync()
    {
        using var admin = Admin();
        using var body = JsonDocument.Parse(await admin.GetStringAsync("/v1/admin/collector-keys?kind=device&active=true"));
        return [.. body.RootElement.EnumerateArray().Select(k => k.Clone())];
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _db.DisposeAsync();
    }

    private HttpClient Admin()
    {
        var admin = Factory.CreateClient();
        admin.DefaultRequestHeaders.Add("Authorization", "ApiKey " + AdminKey);
        return admin;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
