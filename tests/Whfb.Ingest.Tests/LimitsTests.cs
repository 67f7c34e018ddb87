using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Whfb.Ingest.Tests;

public sealed class LimitsTests(LimitsTests.Host host) : IClassFixture<LimitsTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
        {
            ["Ingest:MaxBodyBytes"] = "20000",
            ["Ingest:MaxRecords"] = "5",
            ["Ingest:BurstPerKey"] = "3",
            ["Ingest:RequestsPerSecondPerKey"] = "1",
            ["Ingest:BurstPerDeviceKey"] = "2",
            ["Ingest:RequestsPerSecondPerDeviceKey"] = "1",
        };
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events", CollectorBodies.Bytes(new byte[20001], "application/x-ndjson"));
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task More_records_than_the_limit_is_a_413_problem()
    {
        var device = Guid.NewGuid();
        var response = await (await host.CollectorAsync(IngestHost.TenantA)).PostAsync("/v1/events",
            CollectorBodies.Ndjson(Enumerable.Range(0, 6).Select(i => (object)CollectorBodies.Record(device, i))));
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_and_other_keys_are_not_slowed()
    {
        var busy = await host.CollectorAsync(IngestHost.TenantA);
        var other = await host.CollectorAsync(IngestHost.TenantA);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await busy.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), i)]));
            statuses.Add(last.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
        await AssertProblemAsync(last, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]))).StatusCode);
    }

    [Fact]
    public async Task A_device_key_has_a_bucket_of_its_own_size_and_other_devices_are_not_slowed()
    {
        var (device, other) = (Guid.NewGuid(), Guid.NewGuid());
        var enrollmentKey = (await host.CreateKeyAsync(IngestHost.TenantA)).Key;
        var busy = host.Client("Bearer", (await host.EnrollAsync(IngestHost.TenantA, device, enrollmentKey)).Key);
        var calm = host.Client("Bearer", (await host.EnrollAsync(IngestHost.TenantA, other, enrollmentKey)).Key);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await busy.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(device, i)]))).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.Accepted, (await calm.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(other, 1)]))).StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }
}
