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
        var hints = data.StuckKeys.SelectMany(k => Items(k, "hints")).GroupBy(h => h.GetString() ?? "").Select(g => $"{g.Key} {g.Count()}");
        int Alerts(string kind) => data.Alerts.Count(a => Str(a, "kind") == kind);
        var failureCodes = string.Join(", ", Obj(stats, "failureCodes").Select(p => $"{p.Name} x{p.Value}"));
        var insightsFailures = Items(data.Failures, "failures").Where(f => Str(f, "category") != "prerequisite").Sum(f => N(f, "count"));
        var stuck = Match(data.StuckKeys.Select(k => Str(k, "userPrincipalName")), Items(stats, "expectedStuckUsers"));
        var orphans = Match(data.OrphanedKeys.Select(k => Str(k, "adObjectDn").Split(',')[0].Replace("CN=", "", StringComparison.Ordinal)),
            Items(stats, "orphanedKeyAccounts"));
        var conflicts = Match(Items(data.Rollout, "gpoConflicts").Select(c => Str(c, "deviceName")), Items(stats, "gpoConflictDevices"));
        var table = new DemoTable("fault", "injected", "expected", "observed");
        table.Add("not hybrid joined / no TPM / RDP", Inv($"{N(stats, "injectedNotHybridJoined")} / {N(stats, "injectedNoTpm")} / {N(stats, "injectedRemoteDesktop")}"),
            Inv($"360 not ready: {N(stats, "notReady360")} (with GPO off)"), NotPassed(data) is { } notPassed
                ? Inv($"Insights funnel: {notPassed} assigned devices failed prerequisites") : "Insights funnel: no ring assigned through Policy");
        table.Add("provisioning failures (301)", Inv($"{N(stats, "failed301")}"), failureCodes, Inv($"Insights failures: {insightsFailures} error events"));
        table.Add("GPO conflicts (GPO sets WHfB off)", N(stats, "injectedGpoConflicts"), "conflict per device once its ring is assigned",
            Inv($"Policy: {conflicts.Matched} of them{Others(conflicts.Others)}; Insights: {Alerts("gpo-conflict")} gpo-conflict alerts"));
        table.Add("users out of Entra Connect sync scope", N(stats, "injectedOutOfSyncScope"), "", "");
        table.Add("AdminSDHolder users (export fails 8344)", N(stats, "injectedAdminSdHolder"), "",
            Inv($"Entra Connect export errors, last cycle: {Items(data.Scheduler, "lastCycleFailures").Count()}"));
        table.Add("  = keys that never reach AD", "", Inv($"{N(stats, "expectedStuckKeys")} stuck keys"),
            Inv($"SyncTracker: {data.StuckKeys.Count} stuck, {stuck.Matched} of them{Others(stuck.Others)}; hints: {string.Join(", ", hints)}"));
        table.Add("orphaned key values in AD", N(stats, "injectedOrphanedKeys"), Inv($"{N(stats, "injectedOrphanedKeys")} orphaned keys"),
            Inv($"SyncTracker: {data.OrphanedKeys.Count} orphaned, {orphans.Matched} of them{Others(orphans.Others)}; Insights: {N(data.InsightsOrphaned, "count")}"));
        table.Add("stalled Entra Connect scheduler", Inv($"{N(stats, "injectedStalledCycles")} cycles"), Inv($"{N(data.Scheduler, "skippedCycles")} cycles skipped, 1 episode"),
            Inv($"Insights: {Alerts("pipeline-stalled")} pipeline-stalled alerts; SyncTracker: {data.RecoveredKeys} keys stuck, then recovered"));
        table.WriteTo(text);
    }

    /// <summary>How many observed names are among the injected ones, and how many observed names are not.</summary>
    private static (int Matched, int Others) Match(IEnumerable<string> observed, IEnumerable<JsonElement> injected)
    {
        var expected = injected.Select(e => e.GetString() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = observed.ToList();
        var matched = seen.Count(expected.Contains);
        return (matched, seen.Count - matched);
    }

    private static string Others(int others) => others == 0 ? "" : Inv($" (+{others} others)");

    private static long? NotPassed(DemoData data)
    {
        var rows = Items(data.Funnel, "funnel").Where(r => N(r, "policyAssigned") > 0).ToList();
        return rows.Count == 0 ? null : rows.Sum(r => N(r, "policyAssigned") - N(r, "prerequisitesPassed"));
    }

    private static void Funnel(StringBuilder text, DemoData data, JsonElement? stats)
    {
        Section(text, "Funnel per ring: devices (simulator) and Insights' history");
        var insights = Items(data.Funnel, "funnel").ToList();
        var table = new DemoTable("ring", "devices", "reached", "358/360", "300/301", "| assigned", "prereqs ok", "key registered", "key in AD", "overall");
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
