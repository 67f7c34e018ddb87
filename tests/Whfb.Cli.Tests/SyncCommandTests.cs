using System.Text.RegularExpressions;
using Xunit;

namespace Whfb.Cli.Tests;

/// <summary><c>whfb sync health</c> runs as a process against a stand-in SyncTracker API.</summary>
public sealed class SyncCommandTests : IAsyncLifetime
{
    private RolloutApiStandIn _api = null!;

    public async Task InitializeAsync() => _api = await RolloutApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Health_shows_Entra_Connects_last_sync_and_the_inventorys_freshness_and_refused_features()
    {
        _api.Answer("GET", "/v1/sync/health", 200, """
            {"pipeline":"flowing","stalledSince":null,"keysWaiting":3,"keysStuck":0,"oldestWaitingSince":null,"syncedLast24h":10,
             "latencyP50Minutes":12.5,"latencyP95Minutes":30,"lastKeySyncedAt":"2026-12-07T09:00:00+00:00","observedCycleMinutes":30,
             "predictedOnPremAccessAt":null,"onPremisesSyncEnabled":true,"onPremisesLastSyncAt":"2026-12-07T09:30:00+00:00",
             "inventory":{"complete":false,"firstCompleteAt":null,"fullInventoryStartedAt":"2026-12-07T08:00:00+00:00","usersOwed":4321,
               "pendingUsersOwed":12,"usersNeverListed":4000,"oldestSettledListingAt":"2026-12-06T20:00:00+00:00","requestsLast10Min":301,
               "throttledLast10Min":7,"deniedFeatures":["registration-report: needs Microsoft Entra ID P1 or P2 (since 2026-12-07 08:00:00Z; Graph said Authentication_RequestFromNonPremiumTenantOrB2CTenant)"]}}
            """);

        var (exit, output) = await WhfbProcess.RunAsync("", new Dictionary<string, string>
        {
            ["WHFB_SYNCTRACKER_URL"] = _api.Url.ToString(),
            ["WHFB_API_KEY"] = "whfb_operator_test_key",
            ["NO_COLOR"] = "1",
            ["COLUMNS"] = "250",
        }, "sync", "health");

        // The table wraps long values: compare its text with the borders and line breaks taken out.
        var text = Regex.Replace(Regex.Replace(output, "[│┌┐└┘├┤┬┴┼─]", " "), @"\s+", " ");
        Assert.Equal(0, exit);
        Assert.Contains("Entra Connect last synced (Graph) 2026-12-07T09:30:00", text, StringComparison.Ordinal);
        Assert.Contains("Graph: Users owed a listing 4321", text, StringComparison.Ordinal);
        Assert.Contains("Graph: Users never listed 4000", text, StringComparison.Ordinal);
        Assert.Contains("Graph: Throttled answers (10 min) 7", text, StringComparison.Ordinal);
        Assert.Contains("registration-report: needs Microsoft Entra ID P1 or P2 (since", text, StringComparison.Ordinal);
        Assert.Equal(["/v1/sync/health"], _api.Requests.Select(r => r.Path));
    }
}
