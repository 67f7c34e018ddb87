using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Tests;

/// <summary>Collector keys: tenant isolation, revocation, admin-only management, no secrets in listings.</summary>
public sealed class CollectorKeyTests(CollectorKeyTests.Host host) : IClassFixture<CollectorKeyTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Ingest:CollectorKeyCacheTtl"] = "00:00:00.500" };
    }

    [Fact]
    public async Task A_key_of_tenant_A_can_never_write_tenant_B_whatever_the_body_claims()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(NgcKeyRegistered), typeof(DeviceLogEntryRecorded));
        var record = CollectorBodies.Record(Guid.NewGuid(), 1);
        var logEntry = CollectorBodies.Record(Guid.NewGuid(), 2, eventId: 306);
        logEntry["tenantId"] = IngestHost.TenantB;
        record["tenantId"] = IngestHost.TenantB;
        record["header"] = new { tenantId = IngestHost.TenantB };

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events?tenantId=" + IngestHost.TenantB, CollectorBodies.Ndjson([record, logEntry]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(IngestHost.TenantA, Assert.Single(await probe.WaitForAsync<NgcKeyRegistered>(1)).GetProperty("header").GetProperty("tenantId").GetGuid());
        Assert.Equal(IngestHost.TenantA, Assert.Single(await probe.WaitForAsync<DeviceLogEntryRecorded>(1)).GetProperty("header").GetProperty("tenantId").GetGuid());
    }

    [Fact]
    public async Task A_revoked_key_gets_401_within_the_cache_time()
    {
        var created = await host.CreateKeyAsync(IngestHost.TenantA);
        var collector = host.Client("Bearer", created.Key);
        Assert.Equal(HttpStatusCode.Accepted, (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Admin(IngestHost.TenantA).DeleteAsync($"/v1/admin/collector-keys/{created.Id}")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(0.6));
        var response = await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 2)]));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_key_gets_401()
    {
        var response = await host.Client("Bearer", "whfbc_not-a-real-key").PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Listing_shows_the_tenants_own_keys_without_secrets_and_another_tenant_cannot_revoke_them()
    {
        var created = await host.CreateKeyAsync(IngestHost.TenantA, "lab devices");

        var listA = await host.Admin(IngestHost.TenantA).GetStringAsync("/v1/admin/collector-keys");
        var listB = await host.Admin(IngestHost.TenantB).GetStringAsync("/v1/admin/collector-keys");
        var revokeByB = await host.Admin(IngestHost.TenantB).DeleteAsync($"/v1/admin/collector-keys/{created.Id}");

        var mine = Assert.Single(JsonDocument.Parse(listA).RootElement.EnumerateArray(), k => k.GetProperty("id").GetGuid() == created.Id);
        Assert.Equal("lab devices", mine.GetProperty("name").GetString());
        Assert.DoesNotContain(created.Key, listA, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listA, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(created.Id.ToString(), listB, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, revokeByB.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client("Bearer", created.Key).PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]))).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_keys_and_collector_keys_are_no_admin_credential()
    {
        var collectorKey = (await host.CreateKeyAsync(IngestHost.TenantA)).Key;

        var byOperator = await host.Client("ApiKey", host.OperatorKeyA).PostAsJsonAsync("/v1/admin/collector-keys", new { name = "x" });
        var byCollector = await host.Client("Bearer", collectorKey).GetAsync("/v1/admin/collector-keys");
        var asApiKey = await host.Client("ApiKey", collectorKey).GetAsync("/v1/admin/collector-keys");
        var anonymous = await host.Factory.CreateClient().GetAsync("/v1/admin/collector-keys");

        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byCollector.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asApiKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_admin_key_is_no_collector_credential()
    {
        var response = await host.Admin(IngestHost.TenantA).PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
