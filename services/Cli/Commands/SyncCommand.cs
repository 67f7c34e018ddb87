using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using static Whfb.Cli.Commands.AlertsCommand;

namespace Whfb.Cli.Commands;

/// <summary><c>whfb sync health</c>: the Entra Connect export as SyncTracker sees it, and how current its Graph inventory is.</summary>
public static class SyncCommand
{
    private static readonly (string Field, string Label)[] Rows =
    [
        ("pipeline", "Pipeline"), ("stalledSince", "Stalled since"), ("keysWaiting", "Keys waiting"), ("keysStuck", "Keys stuck"),
        ("oldestWaitingSince", "Oldest waiting since"), ("syncedLast24h", "Synced in 24 h"), ("latencyP50Minutes", "Latency p50 (min)"),
        ("latencyP95Minutes", "Latency p95 (min)"), ("lastKeySyncedAt", "Last key synced"), ("observedCycleMinutes", "Observed cycle (min)"),
        ("predictedOnPremAccessAt", "Waiting keys reach AD about"), ("onPremisesLastSyncAt", "Entra Connect last synced (Graph)"),
    ];

    private static readonly (string Field, string Label)[] InventoryRows =
    [
        ("complete", "Full inventory complete"), ("firstCompleteAt", "First full inventory at"), ("fullInventoryStartedAt", "Current full inventory began"),
        ("usersOwed", "Users owed a listing"), ("pendingUsersOwed", "of them with keys waiting"), ("usersNeverListed", "Users never listed"),
        ("oldestSettledListingAt", "Oldest settled re-check"), ("requestsLast10Min", "Graph requests (10 min)"),
        ("throttledLast10Min", "Throttled answers (10 min)"),
    ];

    public static Command Create()
    {
        var health = new Command("health", "Pipeline state, backlog, latency, the predicted time to on-prem access and the Graph inventory's freshness");
        health.SetAction((_, ct) => Run(async () =>
        {
            var body = await SyncTrackerClient.GetJsonAsync("/v1/sync/health", ct);
            var table = new Table().AddColumns("", "Value");
            foreach (var (field, label) in Rows)
            {
                table.AddRow(label, Cell(body, field));
            }

            if (body.TryGetProperty("inventory", out var inventory) && inventory.ValueKind == JsonValueKind.Object)
            {
                foreach (var (field, label) in InventoryRows)
                {
                    table.AddRow($"Graph: {label}", Cell(inventory, field));
                }

                table.AddRow("Graph: features refused", Denied(inventory));
            }

            AnsiConsole.Write(table);
        }));
        return new Command("sync", "The key sync pipeline (SyncTracker)") { health };
    }

    private static string Denied(JsonElement inventory) =>
        inventory.TryGetProperty("deniedFeatures", out var denied) && denied.ValueKind == JsonValueKind.Array && denied.GetArrayLength() > 0
            ? Markup.Escape(string.Join("\n", denied.EnumerateArray().Select(d => d.GetString())))
            : "none";
}
