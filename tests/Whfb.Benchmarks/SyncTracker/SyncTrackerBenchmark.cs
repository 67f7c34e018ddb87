using System.Diagnostics;
using Whfb.Benchmarks.Directory;
using Whfb.Contracts.Keys;
using Whfb.SyncTracker.ActiveDirectory;
using Whfb.SyncTracker.Domain;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// Mode <c>synctracker [keys]</c> (default 100,000): the correlation engine alone. Entra users and keys go in as
/// Graph would report them, then recorded scan results (JSON lines written first, outside the measurement) are
/// replayed user by user through the scanner's decode and mapping, then the clock passes the stuck threshold.
/// Prints time per phase, peak RSS of the measured part and what the engine concluded.
/// </summary>
public static class SyncTrackerBenchmark
{
    public const string Mode = "synctracker";

    private const long LimitBytes = 250L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!ServiceGcProcess.IsChild)
        {
            return await ServiceGcProcess.RunAsync([Mode, .. args]);
        }

        var tenant = new SyntheticTenant(args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000);
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "whfb-bench")).FullName;
        var recording = Stopwatch.StartNew();
        var (file, values) = await ScanRecording.WriteAsync(tenant, folder);
        Console.WriteLine($"Recorded {tenant.Users:N0} scanned users with {values:N0} values in {recording.Elapsed.TotalSeconds:F1} s ({new FileInfo(file).Length / 1048576.0:F0} MB)");

        // Give back what recording used, so the peak below is the engine's.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakMemory.Reset();
        var baseline = PeakMemory.Read();
        var run = new EngineRun(tenant, file);
        run.Execute();
        var peak = PeakMemory.Read();
        var report = run.Report(peak, baseline);
        Console.WriteLine(report);
        await ResultsSection.WriteAsync(Mode, report);
        File.Delete(file);
        return run.Correct && peak < LimitBytes ? 0 : 1;
    }

    private sealed class EngineRun(SyntheticTenant tenant, string file)
    {
        private readonly ManualClock _clock = new(SyntheticTenant.Start.AddHours(1));
        private readonly Dictionary<Type, int> _events = [];
        private readonly List<(string Phase, TimeSpan Elapsed, long HeapAfter)> _phases = [];
        private TenantSyncEngine _engine = null!;

        public bool Correct { get; private set; }

        public void Execute()
        {
            _engine = new TenantSyncEngine(tenant.TenantId, new SyncThresholds(), _clock);
            Phase("Entra intake (users + keys)", () =>
            {
                for (var user = 0; user < tenant.Users; user++)
                {
                    _engine.ObserveEntraUser(tenant.EntraUser(user));
                    for (var slot = 0; slot < tenant.KeysOf(user); slot++)
                    {
                        _engine.ObserveEntraKey(SyntheticTenant.EntraKey(user, slot));
                    }

                    Drain(user);
                }
            });
            _clock.Now += TimeSpan.FromMinutes(30);
            Phase("AD replay (decode + correlate)", () =>
            {
                var seen = new HashSet<Guid>();
                var index = 0;
                foreach (var user in ScanRecording.Replay(file))
                {
                    seen.Add(user.ObjectGuid);
                    _engine.ObserveAdUser(user.ToObservation());
                    Drain(++index);
                }

                _engine.CompleteFullScan(seen);
                Drain(0);
            });
            _clock.Now += TimeSpan.FromHours(2);
            Phase("Clock (stuck, orphans, stall)", () =>
            {
                _engine.Evaluate();
                Drain(0);
            });
        }

        public string Report(long peakBytes, long baselineBytes)
        {
            var total = _phases.Aggregate(TimeSpan.Zero, (a, p) => a + p.Elapsed);
            var expectedStuck = Enumerable.Range(0, tenant.Users).Sum(u => Enumerable.Range(0, tenant.KeysOf(u)).Count(s => !SyntheticTenant.ReachesAd(u, s)));
            var expectedOrphans = Enumerable.Range(0, tenant.Users).Count(SyntheticTenant.HasOrphan);
            var synced = Count<KeySynced>();
            Correct = synced == tenant.Keys - expectedStuck && Count<KeySyncStuck>() == expectedStuck && Count<OrphanedKeyDetected>() == expectedOrphans;
            var lines = new List<string>
            {
                $"## Correlation engine alone: {tenant.Keys:N0} keys ({tenant.Users:N0} users, {tenant.TwoKeyUsers:N0} with two devices)",
                "",
                "| phase | seconds | managed heap after (MB) |",
                "|---|---|---|",
            };
            lines.AddRange(_phases.Select(p => $"| {p.Phase} | {p.Elapsed.TotalSeconds:F2} | {p.HeapAfter / 1048576.0:F0} |"));
            lines.Add($"| **total** | **{total.TotalSeconds:F2}** ({tenant.Keys / total.TotalSeconds:N0} keys/s) | |");
            lines.Add("");
            lines.Add($"Peak RSS of the process while the engine ran: {peakBytes / 1048576.0:F0} MB (target < 250 MB; no GC heap limit; workstation GC with background GC " +
                $"as the service runs; {baselineBytes / 1048576.0:F0} MB before it started). {(peakBytes < LimitBytes ? "Met." : "NOT met.")}");
            lines.Add($"Events: {synced:N0} synced, {Count<KeySyncStuck>():N0} stuck (expected {expectedStuck:N0}), {Count<OrphanedKeyDetected>():N0} orphaned " +
                $"(expected {expectedOrphans:N0}), {Count<SyncPipelineStalled>()} pipeline stalled. {(Correct ? "Correct." : "WRONG COUNTS.")}");
            lines.Add($"Machine: {Environment.ProcessorCount} cores shared with other work; .NET {Environment.Version}; {DateTime.UtcNow:u}");
            return string.Join(Environment.NewLine, lines) + Environment.NewLine;
        }

        private int Count<T>() => _events.GetValueOrDefault(typeof(T));

        private void Phase(string name, Action body)
        {
            var watch = Stopwatch.StartNew();
            body();
            var elapsed = watch.Elapsed;
            _phases.Add((name, elapsed, GC.GetTotalMemory(forceFullCollection: true)));
        }

        /// <summary>What the service saves after each page of 1,000 users; here only the events are counted.</summary>
        private void Drain(int user)
        {
            if (user % 1000 != 0)
            {
                return;
            }

            foreach (var message in _engine.TakeChanges().Events)
            {
                _events[message.GetType()] = _events.GetValueOrDefault(message.GetType()) + 1;
            }
        }
    }
}
