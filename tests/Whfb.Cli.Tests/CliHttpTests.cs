using Whfb.Cli.Http;
using Xunit;

namespace Whfb.Cli.Tests;

/// <summary>whfb's HTTP clients (<see cref="CliHttp"/>) over real HTTP to a stand-in service.</summary>
public sealed class CliHttpTests
{
    [Fact]
    public async Task A_read_answered_503_once_is_retried_and_returns_the_200()
    {
        await using var api = await RolloutApiStandIn.StartAsync();
        api.AnswerOnce("GET", "/v1/sync/health", 503, """{"title":"Service Unavailable","status":503}""");
        api.Answer("GET", "/v1/sync/health", 200, """{"pipeline":"flowing"}""");
        using var http = CliHttp.Create(CliClient.Probe, api.Url);

        using var response = await http.GetAsync("/v1/sync/health");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("""{"pipeline":"flowing"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(["/v1/sync/health", "/v1/sync/health"], api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_write_answered_503_is_not_posted_again()
    {
        await using var api = await RolloutApiStandIn.StartAsync();
        api.AnswerOnce("POST", "/v1/rollouts/00000000-0000-0000-0000-000000000001/advance", 503, "");
        api.Answer("POST", "/v1/rollouts/00000000-0000-0000-0000-000000000001/advance", 200, "{}");
        using var http = CliHttp.Create(CliClient.Probe, api.Url);

        using var response = await http.PostAsync("/v1/rollouts/00000000-0000-0000-0000-000000000001/advance", null);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Whfb_sync_health_gets_through_a_SyncTracker_that_answered_503_first()
    {
        await using var api = await RolloutApiStandIn.StartAsync();
        api.AnswerOnce("GET", "/v1/sync/health", 503, """{"title":"Service Unavailable","status":503}""");
        api.Answer("GET", "/v1/sync/health", 200, """
            {"pipeline":"flowing","stalledSince":null,"keysWaiting":0,"keysStuck":0,"oldestWaitingSince":null,"syncedLast24h":1,
             "latencyP50Minutes":1,"latencyP95Minutes":1,"lastKeySyncedAt":null,"observedCycleMinutes":30,"predictedOnPremAccessAt":null,
             "onPremisesSyncEnabled":true,"onPremisesLastSyncAt":null,"inventory":null}
            """);

        var (exit, output) = await WhfbProcess.RunAsync("", new Dictionary<string, string>
        {
            ["WHFB_SYNCTRACKER_URL"] = api.Url.ToString(),
            ["WHFB_API_KEY"] = "whfb_operator_test_key",
            ["NO_COLOR"] = "1",
        }, "sync", "health");

        Assert.True(exit == 0, output);
        Assert.Equal(2, api.Requests.Count);
    }
}
