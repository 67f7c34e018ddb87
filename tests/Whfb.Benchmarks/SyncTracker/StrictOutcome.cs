namespace Whfb.Benchmarks.SyncTracker;

/// <summary>What one strict-profile run measured, and its table.</summary>
internal sealed record StrictOutcome(
    int Users, TimeSpan? FirstInventory, TimeSpan? AllSynced, long Requests, long Throttled, long WrongVerdicts, long MaxUnconfirmed,
    IReadOnlyDictionary<string, long> States, double PeakMiB)
{
    /// <summary>The emulator's window is 1 s where Graph's is 10 s.</summary>
    private const int TimeScale = 10;

    public bool Met => FirstInventory is not null && AllSynced is not null && WrongVerdicts == 0;

    public string Markdown()
    {
        var states = string.Join(", ", States.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} {s.Key}"));
        string[] lines =
        [
            $"## Strict profile: {Users:N0} users, per-user WHfB method calls on the identity-reports budget (5 per window)",
            "",
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores shared with other work, .NET {Environment.Version}. " +
            "The emulator's strict profile with a 1 s window (Graph's is 10 s: times below × 10 for a real tenant; request counts do not " +
            "depend on it). Every key is in AD (OU=Bench5k on Samba); thresholds short on purpose (cycle 2 min, stuck after 5 min, orphan " +
            "grace 2 min) so that any verdict drawn from a user not yet listed would show.",
            "",
            "Command: `source .local/env.sh && dotnet run -c Release --project tests/Whfb.Benchmarks -- synctracker-strict`",
            "",
            "| Measure | Value | Verdict |",
            "| --- | ---: | --- |",
            $"| Time from process start to the first full inventory (`/v1/sync/health` inventory.complete) | {Seconds(FirstInventory)} | {Real(FirstInventory)} at Graph's window |",
            $"| Time until all {Users:N0} keys are Synced | {Seconds(AllSynced)} | {states} |",
            $"| Graph HTTP requests ($batch = 1) | {Requests:N0} | {Requests * 1000.0 / Users:F1} per 1,000 users |",
            $"| Throttled answers (requests or $batch steps) | {Throttled:N0} | |",
            $"| **Keys called stuck or orphaned (all are in AD, so each would be false)** | **{WrongVerdicts}** | {(WrongVerdicts == 0 ? "met (target 0)" : "NOT met")} |",
            $"| Most AD values past their 2-min orphan grace still waiting for a listing at one time | {MaxUnconfirmed:N0} | each would have been a false orphan had the engine not waited |",
            $"| Peak RSS of the service process | {PeakMiB:F0} MB | |",
        ];
        return string.Join('\n', lines) + "\n";
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? $"{t.TotalSeconds:F0} s" : "not reached";

    private static string Real(TimeSpan? time) => time is { } t ? $"~{t.TotalMinutes * TimeScale / 60:F1} h" : "";
}
