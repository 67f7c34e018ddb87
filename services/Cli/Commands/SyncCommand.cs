using System.CommandLine;
using Spectre.Console;
using static Whfb.Cli.Commands.AlertsCommand;

namespace Whfb.Cli.Commands;

/// <summary><c>whfb sync health</c>: the Entra Connect export as SyncTracker sees it.</summary>
public static class SyncCommand
{
    private static readonly (string Field, string Label)[] Rows =
    [
        ("pipeline", "Pipeline"), ("stalledSince", "Stalled since"), ("keysWaiting", "Keys waiting"), ("keysStuck", "Keys stuck"),
        ("oldestWaitingSince", "Oldest waiting since"), ("syncedLast24h", "Synced in 24 h"), ("latencyP50Minutes", "Latency p50 (min)"),
        ("latencyP95Minutes", "Latency p95 (min)"), ("lastKeySyncedAt", "Last key synced"), ("observedCycleMinutes", "Observed cycle (min)"),
        ("predictedOnPremAccessAt", "Waiting keys reach AD about"),
    ];

    public static Command Create()
    {
        var health = new Command("health", "Pipeline state, backlog, latency and the predicted time to on-prem access");
        health.SetAction((_, ct) => Run(async () =>
        {
            var body = await SyncTrackerClient.GetJsonAsync("/v1/sync/health", ct);
            var table = new Table().AddColumns("", "Value");
            foreach (var (field, label) in Rows)
            {
                table.AddRow(label, Cell(body, field));
            }

            AnsiConsole.Write(table);
        }));
        return new Command("sync", "The key sync pipeline (SyncTracker)") { health };
    }
}
