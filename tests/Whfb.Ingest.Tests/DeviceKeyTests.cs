using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Tests;

/// <summary>Device keys: enrollment with the tenant's key, posting only the own device's records, re-enrollment, revocation.</summary>
public sealed class DeviceKeyTests(DeviceKeyTests.Host host) : IClassFixture<DeviceKeyTests.Host>
{
    public const string SampleDevice = "6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b";

    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
        {
            ["Ingest:CollectorKeyCacheTtl"] = "00:00:00.500",
            ["Ingest:TenantKeysPostUntil"] = "2099-01-01T00:00:00Z",
        };
    }

    [Fact]
    public async Task An_enrolled_device_posts_its_own_records_to_every_endpoint_with_its_device_key()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(NgcKeyRegistered), typeof(DeviceStatusReported), typeof(PolicyStateReported));
        var device = Guid.NewGuid();
        var enrolled = await host.EnrollAsync(IngestHost.TenantA, device, deviceName: "LT-0042");
        var collector = host.Client("Bearer", enrolled.Key);

        Assert.StartsWith("whfbc_", enrolled.Key, StringComparison.Ordinal);
        Assert.Equal((device, "LT-0042", (Guid?)null), (enrolled.DeviceId, enrolled.DeviceName, enrolled.Replaced));
        var responses = new[]
        {
            await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, 1)])),
            await collector.PostAsync("/v1/events", CollectorBodies.Text(Samples.RecentXml("Xml/rendered-sequence.xml"), "application/xml")),
            await collector.PostAsync("/v1/dsregcmd", CollectorBodies.Text(Samples.Naming("Dsregcmd/hybrid-whfb.txt", device), "text/plain")),
            await collector.PostAsync("/v1/policy-state", CollectorBodies.Text(Samples.Naming("Policy/gpo-overrides-mdm.json", device), "application/json")),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.All(responses, r => Assert.False(r.Headers.Contains("Deprecation")));
        Assert.All(await probe.WaitForAsync<NgcKeyRegistered>(2), e => Assert.Equal(device, e.GetProperty("header").GetProperty("deviceId").GetGuid()));
        Assert.Equal(device, Assert.Single(await probe.WaitForAsync<DeviceStatusReported>(1)).GetProperty("deviceId").GetGuid());
        Assert.Equal(device, Assert.Single(await probe.WaitForAsync<PolicyStateReported>(1)).GetProperty("deviceId").GetGuid());
    }

    [Fact]
    public async Task A_device_key_naming_another_device_anywhere_is_a_403_naming_it_and_nothing_of_the_request_is_published()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceLogEntryRecorded), typeof(DeviceStatusReported), typeof(PolicyStateReported));
        var (device, other) = (Guid.NewGuid(), Guid.NewGuid());
        var collector = await host.DeviceAsync(IngestHost.TenantA, device);

        await AssertForbiddenAsync(await collector.PostAsync("/v1/events",
            CollectorBodies.Ndjson([CollectorBodies.Record(device, 1, eventId: 306), CollectorBodies.Record(other, 2, eventId: 306)])), "deviceId", 2);
        await AssertForbiddenAsync(await collector.PostAsync($"/v1/events?deviceId={other}",
            CollectorBodies.Text(Samples.RecentXml("Xml/rendered-sequence.xml"), "application/xml")), "deviceId", 1);
        await AssertForbiddenAsync(await collector.PostAsync($"/v1/dsregcmd?deviceId={other}",
            CollectorBodies.Text(Samples.Naming("Dsregcmd/hybrid-whfb.txt", device), "text/plain")), "deviceId", 1);
        await AssertForbiddenAsync(await collector.PostAsync("/v1/dsregcmd",
            CollectorBodies.Text(CollectorBodies.Sample("Dsregcmd/hybrid-whfb.txt"), "text/plain")), "DeviceId", 16);
        await AssertForbiddenAsync(await collector.PostAsync("/v1/policy-state",
            CollectorBodies.Text(Samples.Naming("Policy/gpo-overrides-mdm.json", other), "application/json")), "deviceId", 1);

        Assert.Equal(HttpStatusCode.Accepted, (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, 99, eventId: 306)]))).StatusCode);
        var published = await probe.WaitForAsync<DeviceLogEntryRecorded>(1);
        Assert.Equal([99L], published.Select(e => e.GetProperty("header").GetProperty("recordId").GetInt64()));
        Assert.Empty(await probe.AllOfAsync<DeviceStatusReported>());
        Assert.Empty(await probe.AllOfAsync<PolicyStateReported>());
    }

    [Fact]
    public async Task Enrolling_again_replaces_the_devices_key_and_the_old_key_stops_working()
    {
        var device = Guid.NewGuid();
        var enrollmentKey = await host.CreateKeyAsync(IngestHost.TenantA, "fleet");
        var first = await host.EnrollAsync(IngestHost.TenantA, device, enrollmentKey.Key);
        var second = await host.EnrollAsync(IngestHost.TenantA, device, enrollmentKey.Key);
        await Task.Delay(TimeSpan.FromSeconds(0.6));

        Assert.Equal(first.Id, second.Replaced);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(host.Client("Bearer", first.Key), device)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Post(host.Client("Bearer", second.Key), device)).StatusCode);
        var keys = await ListAsync($"?deviceId={device}");
        Assert.Equal([first.Id, second.Id], keys.Select(k => k.GetProperty("id").GetGuid()));
        Assert.All(keys, k => Assert.Equal(("device", enrollmentKey.Id), (k.GetProperty("kind").GetString(), k.GetProperty("enrolledWith").GetGuid())));
        Assert.Contains("re-enrolled", keys[0].GetProperty("revokedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, keys[1].GetProperty("revokedAt").ValueKind);
        Assert.Equal([second.Id], (await ListAsync($"?deviceId={device}&active=true")).Select(k => k.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Only_an_enrollment_key_enrolls()
    {
        var body = new { deviceId = Guid.NewGuid(), deviceName = "PC" };
        var deviceKey = (await host.EnrollAsync(IngestHost.TenantA, Guid.NewGuid())).Key;
        var importKey = (await host.CreateKeyAsync(IngestHost.TenantA, "imports", "import")).Key;

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client("Bearer", deviceKey).PostAsJsonAsync("/v1/enroll", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client("Bearer", importKey).PostAsJsonAsync("/v1/enroll", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Admin(IngestHost.TenantA).PostAsJsonAsync("/v1/enroll", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Factory.CreateClient().PostAsJsonAsync("/v1/enroll", body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Admin(IngestHost.TenantA).PostAsJsonAsync("/v1/admin/collector-keys", new { name = "x", kind = "device" })).StatusCode);
    }

    [Theory]
    [InlineData("{}", "deviceId")]
    [InlineData("""{"deviceId":"PC-0042"}""", "deviceId")]
    [InlineData("""{"deviceId":"00000000-0000-0000-0000-000000000000"}""", "deviceId")]
    [InlineData("""{"deviceId":7}""", "deviceId")]
    [InlineData("""{"deviceId":"9d0f5f38-52a4-4a53-9a39-0b9c5bd8e1a7","deviceName":"PC\u0000X"}""", "deviceName")]
    [InlineData("""{"deviceId":"9d0f5f38-52a4-4a53-9a39-0b9c5bd8e1a7","deviceName":"\ud800"}""", "deviceName")]
    [InlineData("""{"deviceId":"9d0f5f38-52a4-4a53-9a39-0b9c5bd8e1a7","deviceName":5}""", "deviceName")]
    [InlineData("""{"deviceId":"9d0f5f38-52a4-4a53-9a39-0b9c5bd8e1a7","deviceName":"   "}""", "deviceName")]
    [InlineData("[1]", "body")]
    [InlineData("""{"deviceId":""", "body")]
    public async Task Enrollment_bad_input_is_a_400_naming_the_field(string json, string field)
    {
        var response = await host.Client("Bearer", (await host.CreateKeyAsync(IngestHost.TenantA)).Key)
            .PostAsync("/v1/enroll", CollectorBodies.Text(json, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_admin_revokes_a_devices_key_by_the_device_id_and_another_tenant_cannot()
    {
        var device = Guid.NewGuid();
        var collector = await host.DeviceAsync(IngestHost.TenantA, device);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin(IngestHost.TenantB).DeleteAsync($"/v1/admin/collector-keys/devices/{device}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Admin(IngestHost.TenantA).DeleteAsync($"/v1/admin/collector-keys/devices/{device}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin(IngestHost.TenantA).DeleteAsync($"/v1/admin/collector-keys/devices/{device}")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(0.6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(collector, device)).StatusCode);
    }

    [Fact]
    public async Task A_keys_last_use_is_listed_and_written_once_per_interval_not_per_request()
    {
        var device = Guid.NewGuid();
        var enrolled = await host.EnrollAsync(IngestHost.TenantA, device);
        var collector = host.Client("Bearer", enrolled.Key);
        Assert.Equal(JsonValueKind.Null, (await LastUseAsync(enrolled.Id)).ValueKind);

        Assert.Equal(HttpStatusCode.Accepted, (await Post(collector, device)).StatusCode);
        await Whfb.Testing.Eventually.Async(async () => (await LastUseAsync(enrolled.Id)).ValueKind != JsonValueKind.Null, TimeSpan.FromSeconds(20));
        var first = (await LastUseAsync(enrolled.Id)).GetDateTimeOffset();
        Assert.Equal(HttpStatusCode.Accepted, (await Post(collector, device)).StatusCode);
        await Task.Delay(Security.KeyUseRecorder.FlushInterval * 2);

        Assert.Equal(first, (await LastUseAsync(enrolled.Id)).GetDateTimeOffset());
    }

    [Fact]
    public async Task While_tenant_keys_may_still_post_their_answers_say_they_are_deprecated_and_until_when()
    {
        var response = await Post(await host.CollectorAsync(IngestHost.TenantA), Guid.NewGuid());
        var import = await Post(host.Client("Bearer", (await host.CreateKeyAsync(IngestHost.TenantA, "imports", "import")).Key), Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("@", Assert.Single(response.Headers.GetValues("Deprecation")), StringComparison.Ordinal);
        Assert.Equal("Thu, 01 Jan 2099 00:00:00 GMT", Assert.Single(response.Headers.GetValues("Sunset")));
        Assert.Contains("POST /v1/enroll", response.Headers.Warning.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, import.StatusCode);
        Assert.False(import.Headers.Contains("Deprecation"));
    }

    private static Task<HttpResponseMessage> Post(HttpClient collector, Guid device) =>
        collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, Random.Shared.NextInt64(1, long.MaxValue))]));

    private static async Task AssertForbiddenAsync(HttpResponseMessage response, string field, int line)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal((field, line), (error.GetProperty("field").GetString(), error.GetProperty("line").GetInt32()));
    }

    private async Task<List<JsonElement>> ListAsync(string query) =>
        [.. JsonDocument.Parse(await host.Admin(IngestHost.TenantA).GetStringAsync("/v1/admin/collector-keys" + query)).RootElement.EnumerateArray()];

    private async Task<JsonElement> LastUseAsync(Guid keyId) =>
        (await ListAsync("?kind=device")).Single(k => k.GetProperty("id").GetGuid() == keyId).GetProperty("lastUsedAt");
}
