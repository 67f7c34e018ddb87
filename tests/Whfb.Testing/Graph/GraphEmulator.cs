using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Whfb.GraphClient;
using Whfb.Simulator.Graph.Permissions;
using Whfb.Simulator.Hosting;
using Whfb.Simulator.Identity;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;
using Xunit;

namespace Whfb.Testing.Graph;

/// <summary>
/// The simulator's Graph emulator on real Kestrel ports (free ones), https with its self-signed certificate and
/// one app registration. Tests reach it with the real GraphServiceClient built by
/// <see cref="GraphServiceClientFactory"/>. Derive to change settings or seed a tenant.
/// </summary>
public class GraphEmulator : IAsyncLifetime
{
    public const string TenantId = "0b6d8f2a-5c4e-4a39-9e71-3f2a1c0d9b8e";
    public const string ClientId = "5e1f7a3b-8c2d-4e6f-9a0b-1c2d3e4f5a6b";
    public const string ClientSecret = "emulator-test-secret";

    private WebApplication? _app;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public WebApplication App => _app ?? throw new InvalidOperationException("Not started");

    public Uri HttpsRoot => App.Addresses().Single(a => a.Scheme == "https");

    public Uri HttpRoot => App.Addresses().Single(a => a.Scheme == "http");

    public TenantDirectory Directory => App.Services.GetRequiredService<TenantDirectory>();

    public HelloMethodStore Methods => App.Services.GetRequiredService<HelloMethodStore>();

    public IntuneStore Intune => App.Services.GetRequiredService<IntuneStore>();

    public EmulatorCertificate Certificate => App.Services.GetRequiredService<EmulatorCertificate>();

    public GraphConnectionOptions Connection(string? secret = null, string version = "v1.0") => new()
    {
        TenantId = TenantId,
        ClientId = ClientId,
        ClientSecret = secret ?? ClientSecret,
        AuthorityHost = HttpsRoot,
        BaseUrl = new Uri(HttpsRoot, version),
        PinnedCertificateThumbprint = Certificate.Thumbprint,
    };

    /// <summary>The same connection as configuration keys (section <c>Graph</c>), for a service under test.</summary>
    public IReadOnlyDictionary<string, string?> ConnectionSettings(string section = GraphConnectionOptions.SectionName) =>
        new Dictionary<string, string?>
        {
            [$"{section}:TenantId"] = TenantId,
            [$"{section}:ClientId"] = ClientId,
            [$"{section}:ClientSecret"] = ClientSecret,
            [$"{section}:AuthorityHost"] = HttpsRoot.ToString(),
            [$"{section}:BaseUrl"] = new Uri(HttpsRoot, "v1.0").ToString(),
            [$"{section}:PinnedCertificateThumbprint"] = Certificate.Thumbprint,
        };

    public GraphServiceClient Client(string? secret = null) => GraphServiceClientFactory.Create(Connection(secret));

    /// <summary>
    /// Consents the app to every permission some emulated route accepts, except these; its next token carries the change
    /// (a fixture that changes consent keeps tokens under five minutes, so the credential fetches one for every call).
    /// </summary>
    public void ConsentAllBut(params string[] missing) =>
        App.Services.GetRequiredService<EmulatedApps>().Consent(ClientId, RoutePermissions.All.Except(missing, StringComparer.OrdinalIgnoreCase));

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulator:HttpPort"] = "0",
            ["Simulator:HttpsPort"] = "0",
            ["Simulator:Graph:TenantId"] = TenantId,
            ["Simulator:Graph:Apps:0:ClientId"] = ClientId,
            ["Simulator:Graph:Apps:0:ClientSecret"] = ClientSecret,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _app = SimulatorApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await _app.StartAsync();
        Seed(Directory, Methods);
    }

    /// <summary>Puts the tenant's users, devices, groups and keys in place after start; empty by default.</summary>
    protected virtual void Seed(TenantDirectory directory, HelloMethodStore methods)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
