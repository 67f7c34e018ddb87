using System.Net;
using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Tests;

/// <summary>
/// Requests that arrive while others are being published go out together (fewer, larger messages), but only with
/// requests of their own tenant: one tenant's events never share a message with another's.
/// </summary>
public sealed class GroupCommitTests(GroupCommitTests.Host host) : IClassFixture<GroupCommitTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Ingest:ConcurrentPublishes"] = "1" };
    }

    [Fact]
    public async Task Concurrent_requests_of_two_tenants_are_grouped_per_tenant_and_no_message_mixes_tenants()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, typeof(DeviceLogEntryRecorded));
        var collectors = new[] { await host.CollectorAsync(IngestHost.TenantA), await host.CollectorAsync(IngestHost.TenantB) };
        var devices = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();

        var responses = await Task.WhenAll(devices.Select((device, i) =>
            collectors[i % 2].PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, i, eventId: 306)]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var headers = (await probe.WaitForAsync<DeviceLogEntryRecorded>(60)).Select(e => e.GetProperty("header")).ToList();
        Assert.Equal(devices.Order(), headers.Select(h => h.GetProperty("deviceId").GetGuid()).Order());
        Assert.All(headers, h => Assert.Equal(
            devices.IndexOf(h.GetProperty("deviceId").GetGuid()) % 2 == 0 ? IngestHost.TenantA : IngestHost.TenantB,
            h.GetProperty("tenantId").GetGuid()));
        var batches = await probe.BatchesAsync<DeviceLogEntryRecorded>();
        Assert.All(batches, b => Assert.Single(b.Batch.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("header").GetProperty("tenantId").GetGuid()).Distinct()));
        Assert.InRange(batches.Count, 2, 59);
    }
}
