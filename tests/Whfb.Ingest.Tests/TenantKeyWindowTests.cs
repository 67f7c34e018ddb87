using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Whfb.Ingest.Tests;

/// <summary>After the migration window (Ingest:TenantKeysPostUntil in the past) a tenant's key only enrolls devices.</summary>
public sealed class TenantKeyWindowTests(TenantKeyWindowTests.Host host) : IClassFixture<TenantKeyWindowTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Ingest:TenantKeysPostUntil"] = "2026-01-01T00:00:00Z" };
    }

    [Fact]
    public async Task After_the_window_a_tenant_key_posts_nothing_but_still_enrolls_and_device_and_import_keys_post()
    {
        var device = Guid.NewGuid();
        var tenantKey = (await host.CreateKeyAsync(IngestHost.TenantA)).Key;
        var tenant = host.Client("Bearer", tenantKey);

        foreach (var (path, body) in new[]
        {
            ("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, 1)])),
            ("/v1/dsregcmd", CollectorBodies.Text(Samples.Naming("Dsregcmd/hybrid-whfb.txt", device), "text/plain")),
            ("/v1/policy-state", CollectorBodies.Text(Samples.Naming("Policy/gpo-overrides-mdm.json", device), "application/json")),
        })
        {
            var refused = await tenant.PostAsync(path, body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("enroll", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        var deviceKey = (await host.EnrollAsync(IngestHost.TenantA, device, tenantKey)).Key;
        var importKey = (await host.CreateKeyAsync(IngestHost.TenantA, "imports", "import")).Key;
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client("Bearer", deviceKey).PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, 2)]))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client("Bearer", importKey).PostAsync("/v1/events",
            CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 3), CollectorBodies.Record(Guid.NewGuid(), 4)]))).StatusCode);
    }
}
