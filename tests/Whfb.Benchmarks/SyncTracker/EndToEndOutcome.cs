namespace Whfb.Benchmarks.SyncTracker;

/// <summary>What one end-to-end run measured, and its table.</summary>
internal sealed record EndToEndOutcome(
    int Users, TimeSpan Elapsed, TimeSpan Ready, IReadOnlyDictionary<string, long> States, long GraphRequests, long Throttled,
    long DeviceLookups, double PeakMiB, RawGraphInventory.Result RawGraph, TimeSpan RawLdap)
{
    public const double RequestsPer1000Target = 60;
    public const double PeakTargetMiB = 250;

    public double RequestsPer1000 => GraphRequests * 1000.0 / Users;

    public TimeSpan RawTotal => RawGraph.Elapsed + RawLdap;

    public bool Correct => States.GetValueOrDefault("Synced") == Users && States.Values.Sum() == Users;

    public bool Met => Correct && RequestsPer1000 <= RequestsPer1000Target && PeakMiB < PeakTargetMiB;

    public string Markdown()
    {
        var states = string.Join(", ", States.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} {s.Key}"));
        string[] lines =
        [
            $"## End to end: {Users:N0} keys (Graph emulator inventory + OU=Bench10k on Samba), SyncTracker as its own process",
            "",
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores shared with other work, .NET {Environment.Version}, emulator throttling at its defaults " +
            "(2,000 requests per app per 10 s, every $batch step counted; reports 5 per 10 s).",
            "",
            "Command: `source .local/env.sh && dotnet run -c Release --project tests/Whfb.Benchmarks -- synctracker-e2e`",
            "",
            "| Measure | Value | Target | Verdict |",
            "| --- | ---: | --- | --- |",
            $"| Time from process start until all {Users:N0} keys are Synced | {Elapsed.TotalSeconds:F1} s | | {states} |",
            $"| of which: migrate job, then process start until ready (bus) | {Ready.TotalSeconds:F1} s | | |",
            $"| Raw baseline: same Graph reads with a plain HttpClient (Retry-After honoured) | {RawGraph.Elapsed.TotalSeconds:F1} s | | {RawGraph.Requests} requests, {RawGraph.Throttled} throttled answers, {RawGraph.Listed:N0} users listed |",
            $"| Raw baseline: one `ldapsearch` of the OU to /dev/null | {RawLdap.TotalSeconds:F1} s | | |",
            $"| **SyncTracker / raw (Graph + LDAP one after the other)** | **{Elapsed / RawTotal:F2}×** | | raw {RawTotal.TotalSeconds:F1} s; nothing correlated or stored |",
            $"| Graph HTTP requests ($batch = 1) | {GraphRequests:N0} | | {Throttled:N0} answers (requests or steps) throttled; {DeviceLookups:N0} device lookups (single GETs as $batch steps) |",
            $"| **Graph requests per 1,000 users** | **{RequestsPer1000:F1}** | ≤ {RequestsPer1000Target} | {(RequestsPer1000 <= RequestsPer1000Target ? "met" : "NOT met")} |",
            $"| **Peak RSS of the service process** | **{PeakMiB:F0} MB** | < {PeakTargetMiB} MB | {(PeakMiB < PeakTargetMiB ? "met" : "NOT met")} |",
        ];
        return string.Join('\n', lines) + "\n";
    }
}
