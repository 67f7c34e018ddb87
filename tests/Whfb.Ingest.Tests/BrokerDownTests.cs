using System.Net.Http.Headers;
using System.Text;
using Whfb.Testing;
using System.Net;

namespace Whfb.Ingest.Tests;

/// <summary>The broker goes away (its virtual host is deleted mid-test): nothing is accepted, the answer is 503 with Retry-After.</summary>
public sealed class BrokerDownTests(BrokerDownTests.Host host) : IClassFixture<BrokerDownTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
        {
            ["Ingest:PublishTimeout"] = "00:00:02",
            ["Ingest:BrokerRetryAfterSeconds"] = "7",
        };
    }

    [Fact]
    public async Task Without_the_broker_every_collector_endpoint_answers_503_with_Retry_After_and_never_500()
    {
        var collector = await host.CollectorAsync(IngestHost.TenantA);
        Assert.Equal(HttpStatusCode.Accepted, (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]))).StatusCode);

        await DeleteVirtualHostAsync(host.VirtualHost.Name);

        foreach (var (path, body) in new[]
        {
            ("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 2)])),
            ("/v1/dsregcmd", CollectorBodies.Text(CollectorBodies.Sample("Dsregcmd/hybrid-whfb.txt"), "text/plain")),
            ("/v1/policy-state", CollectorBodies.Text(CollectorBodies.RecentPolicyState("Policy/gpo-overrides-mdm.json"), "application/json")),
        })
        {
            var response = await collector.PostAsync(path, body);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task DeleteVirtualHostAsync(string name)
    {
        var settings = await PlatformServers.GetAsync();
        using var management = new HttpClient { BaseAddress = settings.RabbitMqManagement };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.RabbitMqUser}:{settings.RabbitMqPassword}")));
        (await management.DeleteAsync($"api/vhosts/{name}")).EnsureSuccessStatusCode();
    }
}
