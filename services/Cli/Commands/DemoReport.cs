using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Whfb.Cli.Commands;

/// <summary>
/// The demo summary as plain text: what the scenario injected next to what the platform observed, then the funnel per
/// ring, sync latency, stuck and orphaned keys, alerts and the rollout. Every number comes from a live API.
/// </summary>
internal static partial class DemoReport
{
    public static string Format(DemoData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new StringBuilder();
        var stats = Prop(data.Fleet, "stats");
        text.Append(Inv($"WHfB demo summary: scenario {Str(data.Fleet, "scenario")}, {N(stats, "devices")} devices, fleet {Str(data.Fleet, "state")}\n"));
        if (Str(data.Fleet, "seeding") is { Length: > 0 } seeding)
        {
            text.Append("AD: ").Append(seeding).Append('\n');
        }

        Faults(text, data, stats);
        Funnel(text, data, stats);
        Latency(text, data);
        Keys(text, data);
        Alerts(text, data);
        Rollout(text, data);
        if (data.Problems.Count > 0)
        {
            Section(text, "Sources that did not answer");
            foreach (var problem in data.Problems)
            {
                text.Append("  ").Append(problem).Append('\n');
            }
        }

        return text.ToString();
    }

    private static void Faults(StringBuilder text, DemoData data, JsonElement? stats)
    {
        Section(text, "Injected by the scenario vs observed by the platform");
        var hints = data.StuckKeys.SelectMany(k => Items(k, "hints")).GroupBy(h => h.GetString() ?? "").ToDictionary(g => g.Key, g => g.Count());
        var alerts = Items(data.Alerts, "alerts").ToList();
        int Alerts(string kind) => alerts.Count(a => Str(a, "kind") == kind);
        var failureCodes = string.Join(", ", Obj(stats, "failureCodes").Select(p => $"{p.Name} x{p.Value}"));
        var insightsFailures = Items(data.Failures, "failures").Where(f => Str(f, "category") != "prerequisite").Sum(f => N(f, "count"));
        var rolloutConflicts = Items(data.Rollout, "gpoConflicts").Count();
        var table = new DemoTextTable("fault", "injected", "expected", "observed");
        table.Add("not hybrid joined / no TPM / RDP", Inv($"{N(stats, "injectedNotHybridJoined")} / {N(stats, "injectedNoTpm")} / {N(stats, "injectedRemoteDesktop")}"),
            Inv($"360 not ready: {N(stats, "notReady360")} (incl. GPO off)"), Inv($"Insights funnel: {NotPassed(data)} assigned devices failed prerequisites"));
        table.Add("provisioning failures (301)", Inv($"{N(stats, "failed301")}"), failureCodes, Inv($"Insights failures: {insightsFailures} error events"));
        table.Add("GPO conflicts (GPO sets WHfB off)", N(stats, "injectedGpoConflicts"), "GpoConflictDetected per device in a ring",
            Inv($"Policy: {rolloutConflicts} conflicts, Insights: {Alerts("gpo-conflict")} gpo-conflict alerts"));
        table.Add("users out of Entra Connect sync scope", N(stats, "injectedOutOfSyncScope"), "", "");
        table.Add("AdminSDHolder users (export fails 8344)", N(stats, "injectedAdminSdHolder"), "",
            Inv($"Entra Connect export errors last cycle: {Items(data.Scheduler, "lastCycleFailures").Count()}"));
        table.Add("  = keys that never reach AD", "", Inv($"{N(stats, "expectedStuckKeys")} stuck keys"),
            Inv($"SyncTracker: {data.StuckKeys.Count} stuck ({string.Join(", ", hints.OrderByDescending(h => h.Value).Select(h => $"{h.Key} {h.Value}"))})"));
        table.Add("orphaned key values in AD", N(stats, "injectedOrphanedKeys"), Inv($"{N(stats, "injectedOrphanedKeys")} orphaned"),
            Inv($"SyncTracker: {data.OrphanedKeys.Count} orphaned, Insights: {N(data.InsightsOrphaned, "count")}"));
        table.Add("stalled Entra Connect scheduler", Inv($"{N(stats, "injectedStalledCycles")} cycles"), Inv($"{N(data.Scheduler, "skippedCycles")} cycles skipped, 1 episode"),
            Inv($"Insights: {Alerts("pipeline-stalled")} pipeline-stalled alerts; SyncTracker: {data.RecoveredKeys} keys stuck then recovered"));
        table.WriteTo(text);
    }

    private static long NotPassed(DemoData data) =>
        Items(data.Funnel, "funnel").Sum(r => N(r, "policyAssigned") - N(r, "prerequisitesPassed"));

    private static void Funnel(StringBuilder text, DemoData data, JsonElement? stats)
    {
        Section(text, "Funnel per ring: devices (simulator) and Insights' history");
        var insights = Items(data.Funnel, "funnel").ToList();
        var table = new DemoTextTable("ring", "devices", "reached", "358/360", "300/301", "| assigned", "prereqs ok", "key registered", "key in AD", "overall");
        var rings = Items(stats, "rings").Select((r, i) => (Index: (int?)i, Ring: (JsonElement?)r)).Append((null, null));
        foreach (var (index, ring) in rings)
        {
            var row = insights.FirstOrDefault(f => (Prop(f, "ringIndex") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : (int?)null) == index);
            var hasRow = row.ValueKind == JsonValueKind.Object;
            if (ring is null && !hasRow)
            {
                continue;
            }

            table.Add(ring is { } r ? Str(r, "name") : "no ring (GPO-enabled devices)", ring is null ? "" : N(ring, "devices"),
                ring is null ? "" : N(ring, "policyReached"), ring is null ? "" : Inv($"{N(ring, "ready358")}/{N(ring, "notReady360")}"),
                ring is null ? "" : Inv($"{N(ring, "registered300")}/{N(ring, "failed301")}"),
                hasRow ? Inv($"| {N(row, "policyAssigned")}") : "| -", hasRow ? N(row, "prerequisitesPassed") : "", hasRow ? N(row, "keyRegistered") : "",
                hasRow ? N(row, "keyInAd") : "", hasRow && Prop(row, "overallRate") is { ValueKind: JsonValueKind.Number } rate ? rate.GetDouble().ToString("P0", CultureInfo.InvariantCulture) : "");
        }

        table.WriteTo(text);
        text.Append(Inv($"  Entra Connect: {N(data.Scheduler, "cycleCount")} cycles run, {N(data.Scheduler, "skippedCycles")} skipped, {N(data.Scheduler, "keysExported")} keys exported to AD, backlog {N(data.Scheduler, "backlog")}\n"));
        if (Str(data.Fleet, "summary").Split('\n').FirstOrDefault(l => l.StartsWith("Reports:", StringComparison.Ordinal)) is { } reports)
        {
            text.Append("  Fleet ").Append(reports).Append('\n');
        }
    }
}
