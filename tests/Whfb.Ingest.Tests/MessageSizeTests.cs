using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Tests;

/// <summary>Broker messages are capped by bytes as well as by events; a record too large for any message is refused whole.</summary>
public sealed class MessageSizeTests(MessageSizeTests.Host host) : IClassFixture<MessageSizeTests.Host>
{
    private const int MaxMessageBytes = 64 * 1024;

    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Ingest:MaxMessageBytes"] = $"{MaxMessageBytes}" };
    }

    [Fact]
    public async Task A_request_of_large_records_goes_out_in_messages_within_the_byte_cap_and_every_event_arrives()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceLogEntryRecorded));
        var device = Guid.NewGuid();
        var records = Enumerable.Range(0, 200).Select(i => WithMessage(CollectorBodies.Record(device, i, eventId: 306), 2_000)).ToList();

        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events", CollectorBodies.Ndjson(records));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i),
            (await probe.WaitForAsync<DeviceLogEntryRecorded>(200)).Select(e => e.GetProperty("header").GetProperty("recordId").GetInt64()).Order());
        var batches = await probe.BatchesAsync<DeviceLogEntryRecorded>();
        Assert.All(batches, b => Assert.InRange(b.Bytes, 1, MaxMessageBytes));
        Assert.True(batches.Count >= 200 * 2_000 / MaxMessageBytes, $"{batches.Count} messages for about 400 kB of events");
    }

    [Fact]
    public async Task A_record_whose_event_cannot_fit_in_a_message_is_a_413_naming_its_line_and_nothing_of_the_request_is_published()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceLogEntryRecorded));
        var collector = await host.CollectorAsync(IngestHost.TenantA);
        var device = Guid.NewGuid();
        var records = new[] { CollectorBodies.Record(device, 1, eventId: 306), WithMessage(CollectorBodies.Record(device, 2, eventId: 306), MaxMessageBytes) };

        var response = await collector.PostAsync("/v1/events", CollectorBodies.Ndjson(records));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Contains("line 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var after = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(after, 3, eventId: 306)]))).StatusCode);
        var arrived = await probe.WaitForAsync<DeviceLogEntryRecorded>(1);
        Assert.Equal([after], arrived.Select(e => e.GetProperty("header").GetProperty("deviceId").GetGuid()));
    }

    private static Dictionary<string, object?> WithMessage(Dictionary<string, object?> record, int length)
    {
        record["message"] = "Windows Hello for Business provisioning log: " + new string('x', length);
        return record;
    }
}
