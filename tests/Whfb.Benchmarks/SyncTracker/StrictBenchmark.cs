using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Whfb.Benchmarks.Directory;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// Mode <c>synctracker-strict</c>: the SyncTracker service (its own process, fresh database) against 5,000 users of
/// OU=Bench5k (seeded on first use) whose WHfB keys are all in AD, with the Graph emulator on its strict profile: per-user
/// method calls share the identity-reports budget of 5 requests per window. The window is 1 s instead of Graph's 10 s so
/// a run takes minutes; request counts do not depend on it, times scale by 10 for a real tenant. Short thresholds (cycle
/// 2 min, stuck after 5 min, orphan grace 2 min) so that, long before the inventory is through, every AD value whose
/// user was not listed yet would have been called orphaned, and every key stuck, had the service concluded anything
/// from what it could not afford to look at. Measured: time to the first full inventory, requests and throttled answers,
/// keys stuck or orphaned (all are in AD: each would be false), and the AD values left unconfirmed when their grace ran out.
/// </summary>
public static class StrictBenchmark
{
    public const string Mode = "synctracker-strict";
    private const string ApiKey = "bench_operator_strict_key";

    public static async Task<int> RunAsync()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(90));
        var directory = DirectoryBenchSettings.FromEnvironment() with { Users = 5_000, OuName = "Bench5k", NamePrefix = "strict" };
        await new Bench10kSeeder(directory).EnsureSeededAsync(cancel.Token);
        var users = await BenchDirectoryUsers.ReadAsync(directory, cancel.Token);
        var graph = new BenchGraphTenant(users, new Dictionary<string, string?>
        {
            ["Simulator:Graph:Profile"] = "Strict",
            ["Simulator:Graph:ReportsRequestsPerWindow"] = "5",
            ["Simulator:Graph:ThrottleWindow"] = "00:00:01",
        });
        await graph.InitializeAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            await using var service = await SyncTrackerProcess.StartAsync(directory, graph, Environment());
            var run = new StrictRun(service, users.Count, clock);
            await run.WatchAsync(cancel.Token);
            var outcome = run.Outcome(await service.CounterAsync("whfb_synctracker_graph_requests"),
                await service.CounterAsync("whfb_synctracker_graph_throttled"), service.PeakMiB);
            await ResultsSection.PublishAsync(Mode, outcome.Markdown());
            return outcome.Met ? 0 : 1;
        }
        finally
        {
            await graph.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Environment() => new()
    {
        ["SyncTracker__Thresholds__Cycle"] = "00:02:00",
        ["SyncTracker__Thresholds__StuckGrace"] = "00:01:00",
        ["SyncTracker__Graph__TickInterval"] = "00:00:05",
        ["SyncTracker__Graph__MaxPassDuration"] = "00:01:00",
        ["SyncTracker__Directory__ScanInterval"] = "00:00:30",
        ["Auth__ApiKeys__0__Name"] = "bench",
        ["Auth__ApiKeys__0__TenantId"] = SyncTrackerProcess.Tenant.ToString(),
        ["Auth__ApiKeys__0__Role"] = WhfbRoles.Operator,
        ["Auth__ApiKeys__0__Sha256"] = ApiKeyHasher.Hash(ApiKey),
    };

    /// <summary>GET /v1/sync/health of the bench tenant.</summary>
    internal static async Task<JsonElement> HealthAsync(SyncTrackerProcess service, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return JsonDocument.Parse(await http.GetStringAsync("/v1/sync/health", cancellationToken)).RootElement.Clone();
    }
}
