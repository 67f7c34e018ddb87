using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Tests;

/// <summary>POST /v1/dsregcmd and /v1/policy-state: parsed, published with the key's tenant, bad input named.</summary>
public sealed class DeviceReportsApiTests(IngestHost host) : IClassFixture<IngestHost>
{
    private static readonly Guid SampleDevice = Guid.Parse("6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b");

    [Fact]
    public async Task Dsregcmd_text_is_published_as_device_status_with_the_device_id_from_the_text()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceStatusReported));

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/dsregcmd",
            CollectorBodies.Text(CollectorBodies.Sample("Dsregcmd/hybrid-whfb.txt"), "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = Assert.Single(await probe.WaitForAsync<DeviceStatusReported>(1));
        Assert.Equal(SampleDevice, status.GetProperty("deviceId").GetGuid());
        Assert.Equal(IngestHost.TenantA, status.GetProperty("tenantId").GetGuid());
        Assert.Equal("HybridJoined", status.GetProperty("joinType").GetString());
    }

    [Fact]
    public async Task The_device_id_query_parameter_wins_and_text_without_one_needs_it()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceStatusReported));
        var collector = await host.CollectorAsync(IngestHost.TenantA);
        var device = Guid.NewGuid();
        var text = CollectorBodies.Sample("Dsregcmd/registered.txt");

        var without = await collector.PostAsync("/v1/dsregcmd", CollectorBodies.Text(text, "text/plain"));
        var with = await collector.PostAsync($"/v1/dsregcmd?deviceId={device}", CollectorBodies.Text(text, "text/plain"));
        var badId = await collector.PostAsync("/v1/dsregcmd?deviceId=nope", CollectorBodies.Text(text, "text/plain"));

        Assert.Equal("deviceId", await FirstErrorFieldAsync(without));
        Assert.Equal(HttpStatusCode.Accepted, with.StatusCode);
        Assert.Equal(device, Assert.Single(await probe.WaitForAsync<DeviceStatusReported>(1)).GetProperty("deviceId").GetGuid());
        Assert.Equal("deviceId", await FirstErrorFieldAsync(badId));
    }

    [Fact]
    public async Task Dsregcmd_bad_input_is_named()
    {
        var collector = await host.CollectorAsync(IngestHost.TenantA);
        var text = CollectorBodies.Sample("Dsregcmd/hybrid-whfb.txt");

        Assert.Equal("body", await FirstErrorFieldAsync(await collector.PostAsync("/v1/dsregcmd", CollectorBodies.Bytes([0xFF, 0xFE, 0x41], "text/plain"))));
        Assert.Equal("collectedAt", await FirstErrorFieldAsync(await collector.PostAsync("/v1/dsregcmd?collectedAt=2999-01-01T00:00:00Z", CollectorBodies.Text(text, "text/plain"))));
        Assert.Equal("collectedAt", await FirstErrorFieldAsync(await collector.PostAsync("/v1/dsregcmd?collectedAt=yesterday", CollectorBodies.Text(text, "text/plain"))));
        Assert.Equal("collectedAt", await FirstErrorFieldAsync(await collector.PostAsync("/v1/dsregcmd?collectedAt=0001-01-01T00:00:00Z", CollectorBodies.Text(text, "text/plain"))));
        Assert.Equal("body", await FirstErrorFieldAsync(await collector.PostAsync("/v1/dsregcmd", CollectorBodies.Text(text.Replace("Device Name : ", "Device Name : PC\0", StringComparison.Ordinal), "text/plain"))));
    }

    [Fact]
    public async Task Policy_state_is_published_with_the_GPO_over_MDM_verdict()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(PolicyStateReported));

        var document = CollectorBodies.RecentPolicyState("Policy/gpo-overrides-mdm.json");

        var response = await (await host.CollectorAsync(IngestHost.TenantB)).PostAsync("/v1/policy-state", CollectorBodies.Text(document, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var state = Assert.Single(await probe.WaitForAsync<PolicyStateReported>(1));
        Assert.Equal(IngestHost.TenantB, state.GetProperty("tenantId").GetGuid());
        Assert.Equal("Gpo", state.GetProperty("effectiveSource").GetString());
        Assert.True(state.GetProperty("gpoOverridesMdm").GetBoolean());
    }

    [Theory]
    [InlineData("""{"collectedAt":"2025-05-20T08:00:00Z"}""", "deviceId")]
    [InlineData("""{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","collectedAt":"2999-05-20T08:00:00Z"}""", "collectedAt")]
    [InlineData("""{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","collectedAt":"2025-05-20T08:00:00Z","gpo":[1]}""", "gpo")]
    [InlineData("""{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","collectedAt":"1901-05-20T08:00:00Z"}""", "collectedAt")]
    [InlineData("""{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","collectedAt":"2026-12-01T08:00:00Z","userGpo":{"S-1-5-21-1\u0000":{}}}""", "userGpo.(property name)")]
    [InlineData("""{"deviceId":""", null)]
    public async Task Policy_state_bad_input_is_a_400_naming_the_field(string json, string? field)
    {
        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/policy-state", CollectorBodies.Text(json, "application/json"));
        Assert.Equal(field, await FirstErrorFieldAsync(response));
    }

    private static async Task<string?> FirstErrorFieldAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors")[0].TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
    }
}
