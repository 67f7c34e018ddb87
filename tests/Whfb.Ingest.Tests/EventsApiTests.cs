using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Tests;

public sealed class EventsApiTests(IngestHost host) : IClassFixture<IngestHost>
{
    [Fact]
    public async Task Accepted_records_arrive_on_the_bus_as_typed_events_of_the_keys_tenant()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(NgcKeyRegistered), typeof(ProvisioningReadinessReported));
        var device = Guid.NewGuid();
        var collector = await host.CollectorAsync(IngestHost.TenantA);
        var readiness = CollectorBodies.Record(device, 2, eventId: 358);
        readiness["message"] = JsonDocument.Parse(CollectorBodies.Sample("Events/358-ready.json")).RootElement.GetProperty("message").GetString();

        var response = await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, 1), readiness]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var key = Assert.Single(await probe.WaitForAsync<NgcKeyRegistered>(1));
        Assert.Equal(IngestHost.TenantA, key.GetProperty("header").GetProperty("tenantId").GetGuid());
        Assert.Equal(device, key.GetProperty("header").GetProperty("deviceId").GetGuid());
        Assert.Equal(Guid.Parse("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"), key.GetProperty("keyId").GetGuid());
        var readinessEvent = Assert.Single(await probe.WaitForAsync<ProvisioningReadinessReported>(1));
        Assert.True(readinessEvent.GetProperty("isReady").GetBoolean());
        Assert.Equal(IngestHost.TenantA, readinessEvent.GetProperty("header").GetProperty("tenantId").GetGuid());
    }

    [Fact]
    public async Task Every_record_of_a_large_post_arrives_as_its_own_event_in_batches_of_at_most_500()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceLogEntryRecorded));
        var device = Guid.NewGuid();
        var records = Enumerable.Range(0, 1200).Select(i => (object)CollectorBodies.Record(device, i, eventId: 306));

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events", CollectorBodies.Ndjson(records));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var headers = (await probe.WaitForAsync<DeviceLogEntryRecorded>(1200)).Select(e => e.GetProperty("header")).ToList();
        Assert.Equal(Enumerable.Range(0, 1200).Select(i => (long)i), headers.Select(h => h.GetProperty("recordId").GetInt64()).Order());
        Assert.All(headers, h => Assert.Equal(IngestHost.TenantA, h.GetProperty("tenantId").GetGuid()));
        Assert.Equal(3, await probe.BatchCountAsync<DeviceLogEntryRecorded>());
    }

    [Fact]
    public async Task A_partial_batch_accepts_the_good_lines_and_lists_each_bad_one_with_line_and_field()
    {
        var device = Guid.NewGuid();
        var missingDevice = CollectorBodies.Record(device, 2);
        missingDevice.Remove("deviceId");
        var wrongType = CollectorBodies.Record(device, 3);
        wrongType["eventId"] = new[] { 1 };
        var future = CollectorBodies.Record(device, 4);
        future["timeCreated"] = DateTimeOffset.UtcNow.AddDays(30);

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events",
            CollectorBodies.Ndjson([CollectorBodies.Record(device, 1), missingDevice, wrongType, future, CollectorBodies.Record(device, 5)]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString(), r.GetProperty("kind").GetString()));
        Assert.Equal([(2, "deviceId", "MissingField"), (3, "eventId", "WrongType"), (4, "timeCreated", "TimeInFuture")], rejected);
    }
}
