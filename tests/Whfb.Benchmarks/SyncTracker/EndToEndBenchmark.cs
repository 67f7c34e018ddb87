using System.Diagnostics;
using Whfb.Benchmarks.Directory;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// Mode <c>synctracker-e2e</c>: the SyncTracker service (its own process, fresh database) correlates the 10,000 keys of
/// OU=Bench10k (seeded once by the <c>directory</c> mode) with the same keys served by the Graph emulator (default
/// throttling budgets). Measured: time from process start until every key is Synced, Graph HTTP requests ($batch = 1)
/// per 1,000 users, throttled answers, peak RSS of the service. Raw baseline: the same Graph reads with a plain
/// HttpClient plus one raw ldapsearch of the OU, one after the other, nothing correlated or stored.
/// </summary>
public static class EndToEndBenchmark
{
    public const string Mode = "synctracker-e2e";

    public static async Task<int> RunAsync()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var directory = DirectoryBenchSettings.FromEnvironment();
        var users = await BenchDirectoryUsers.ReadAsync(directory, cancel.Token);
        if (users.Count < directory.Users)
        {
            Console.Error.WriteLine($"{directory.OuDn} holds {users.Count} keyed users; run the `directory` mode first to seed {directory.Users}.");
            return 2;
        }

        var graph = new BenchGraphTenant(users);
        await graph.InitializeAsync();
        try
        {
            var rawGraph = await RawGraphInventory.RunAsync(graph.Connection(), [.. graph.Directory.Users().Select(u => u.Id)], cancel.Token);
            var ldap = await RawLdapSearch.TimedAsync(directory, new ScanSample(TimeSpan.Zero, users.Count, users.Count), cancel.Token);
            Console.WriteLine($"Raw: Graph {rawGraph.Elapsed.TotalSeconds:F1} s ({rawGraph.Requests} requests, {rawGraph.Throttled} throttled), ldapsearch {ldap.Elapsed.TotalSeconds:F1} s");
            await Task.Delay(TimeSpan.FromSeconds(11), cancel.Token); // let the emulator's throttle windows (10 s) start afresh

            var clock = Stopwatch.StartNew();
            await using var service = await SyncTrackerProcess.StartAsync(directory, graph);
            var ready = clock.Elapsed;
            Dictionary<string, long> states;
            while ((states = await service.KeyStatesAsync()).GetValueOrDefault("Synced") < users.Count && !cancel.IsCancellationRequested)
            {
                await Task.Delay(250, cancel.Token);
            }

            var elapsed = clock.Elapsed;
            var outcome = new EndToEndOutcome(users.Count, elapsed, ready, states, await service.CounterAsync("whfb_synctracker_graph_requests"),
                await service.CounterAsync("whfb_synctracker_graph_throttled"), await service.CounterAsync("whfb_synctracker_graph_device_lookups"),
                service.PeakMiB, rawGraph, ldap.Elapsed);
            await ResultsSection.PublishAsync(Mode, outcome.Markdown());
            return outcome.Met ? 0 : 1;
        }
        finally
        {
            await graph.DisposeAsync();
        }
    }
}
