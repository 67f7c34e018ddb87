using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Whfb.Cli.Commands;

/// <summary>The demo summary's later sections and its JSON helpers (a missing property reads as empty or 0).</summary>
internal static partial class DemoReport
{
    private const int Examples = 5;

    private static void Latency(StringBuilder text, DemoData data)
    {
        Section(text, "Sync latency, Entra ID registration to msDS-KeyCredentialLink");
        var l = data.LatencySeconds;
        text.Append(l.Count == 0 ? "  no key has reached AD yet\n"
            : Inv($"  SyncTracker, {l.Count} keys in AD: p50 {Percentile(l, 0.50):F1} s, p90 {Percentile(l, 0.90):F1} s, p99 {Percentile(l, 0.99):F1} s, max {l[^1]:F1} s\n"));
        text.Append(Inv($"  SyncTracker health: pipeline {Str(data.SyncHealth, "pipeline")}, {N(data.SyncHealth, "keysWaiting")} keys waiting ({N(data.SyncHealth, "keysStuck")} stuck), observed cycle {Dbl(data.SyncHealth, "observedCycleMinutes") * 60:F0} s\n"));
    }

    private static void Keys(StringBuilder text, DemoData data)
    {
        Section(text, Inv($"Stuck keys: {data.StuckKeys.Count} (in Entra ID, not in AD after the threshold)"));
        var byHints = new DemoTable("hints", "keys", "example users");
        foreach (var group in data.StuckKeys.GroupBy(k => string.Join(" + ", Items(k, "hints").Select(h => h.GetString()))).OrderByDescending(g => g.Count()))
        {
            byHints.Add(group.Key.Length == 0 ? "(none)" : group.Key, group.Count(), string.Join(", ", group.Take(3).Select(k => Str(k, "userPrincipalName"))));
        }

        byHints.WriteTo(text);
        Section(text, Inv($"Orphaned keys: {data.OrphanedKeys.Count} (in AD, no live Entra key)"));
        var orphans = new DemoTable("AD object", "reason", "device");
        foreach (var key in data.OrphanedKeys.Take(Examples))
        {
            orphans.Add(Str(key, "adObjectDn"), Str(key, "orphanReason"), Str(key, "deviceId"));
        }

        orphans.WriteTo(text);
        if (data.OrphanedKeys.Count > Examples)
        {
            text.Append(Inv($"  ... and {data.OrphanedKeys.Count - Examples} more\n"));
        }
    }

    private static void Alerts(StringBuilder text, DemoData data)
    {
        var alerts = data.Alerts;
        var folded = alerts.Sum(a => N(a, "folded"));
        Section(text, Inv($"Alerts raised (Insights): {alerts.Count:N0}") + (folded > 0 ? Inv($" (+{folded:N0} key-stuck folded into pipeline episodes)") : "")
            + (data.AlertListFull ? Inv($"; of key-stuck, only the newest {DemoData.AlertLimit:N0} were read") : ""));
        var byKind = new DemoTable("kind", "raised", "still open", "resolved", "first opened", "example");
        var kinds = alerts.Select(a => Str(a, "kind")).Append(folded > 0 ? "key-stuck" : "").Where(k => k.Length > 0).Distinct().Order(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var rows = alerts.Where(a => Str(a, "kind") == kind).ToList();
            var resolved = rows.Count(a => Str(a, "resolvedAt").Length > 0);
            JsonElement? first = rows.Count == 0 ? null : rows.MinBy(a => Str(a, "openedAt"));
            var raised = kind == "key-stuck" && folded > 0 ? Inv($"{rows.Count:N0} (+{folded:N0} folded)") : Inv($"{rows.Count:N0}");
            byKind.Add(kind, raised, rows.Count - resolved, resolved, Time(Str(first, "openedAt")), Str(first, "title"));
        }

        byKind.WriteTo(text);
        foreach (var episode in alerts.Where(a => Str(a, "kind") is "pipeline-stalled" or "sync-backlog").OrderBy(a => Str(a, "openedAt"), StringComparer.Ordinal))
        {
            text.Append(Inv($"  {(Str(episode, "kind") == "sync-backlog" ? "backlog" : "stalled pipeline")} episode: opened {Time(Str(episode, "openedAt"))}, resolved {Time(Str(episode, "resolvedAt"))}, {N(episode, "folded"):N0} key-stuck alerts folded in\n"));
            text.Append("    ").Append(Str(episode, "text")).Append('\n');
        }

        Notifications(text, data);
    }

    /// <summary>
    /// What the webhooks were sent, per kind, against the goal for key sync: one notification per root cause (a stuck key
    /// with a reason of its own, or a pipeline episode), give or take five.
    /// </summary>
    private static void Notifications(StringBuilder text, DemoData data)
    {
        Section(text, "Notifications to webhooks (Insights; the demo's canary webhook receives every kind)");
        var table = new DemoTable("kind", "opened sent", "resolved sent", "withheld", "pending", "failed");
        foreach (var kind in data.Notifications.GroupBy(n => Str(n, "kind")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            long Count(string @event, string status) => kind.Where(n => Str(n, "status") == status && (@event.Length == 0 || Str(n, "event") == @event)).Sum(n => N(n, "count"));
            table.Add(kind.Key, Count("opened", "delivered"), Count("resolved", "delivered"), Count("", "withheld"), Count("", "pending"), Count("", "failed"));
        }

        table.WriteTo(text);
        // Pending ones are due or retrying: they reach the on-call engineer all the same. Withheld ones never do.
        var keySync = data.Notifications.Where(n => Str(n, "kind") is "key-stuck" or "pipeline-stalled" or "sync-backlog" && Str(n, "status") != "withheld").Sum(n => N(n, "count"));
        var ownCause = data.StuckKeys.Count(k => Items(k, "hints").Any(h => h.GetString() is not ("PipelineStalled" or "PipelineBacklog")));
        var episodes = data.Alerts.Count(a => Str(a, "kind") is "pipeline-stalled" or "sync-backlog");
        var goal = ownCause + (2 * episodes) + 5;
        text.Append(Inv($"  key sync: {keySync:N0} notifications sent or due; goal <= {goal:N0} ({ownCause:N0} keys stuck for a reason of their own + opened and resolved of {episodes} pipeline episodes + 5): {(keySync <= goal ? "met" : "NOT met")}\n"));
    }

    private static void Rollout(StringBuilder text, DemoData data)
    {
        if (data.Rollout is not { } rollout)
        {
            Section(text, "Rollout (Policy): none (rings assigned by the simulator, or Policy did not answer)");
            return;
        }

        Section(text, Inv($"Rollout (Policy): {Str(rollout, "name")}, {Str(rollout, "state")}{(Str(rollout, "haltReason") is { Length: > 0 } h ? $" ({h})" : "")}"));
        var rings = new DemoTable("ring", "state", "assigned at", "devices", "prereqs ok", "provisioned", "failed", "synced", "stuck", "gate");
        foreach (var ring in Items(rollout, "rings"))
        {
            var verdict = Prop(ring, "verdict");
            var gate = verdict is null ? "" : Prop(verdict, "passed") is { ValueKind: JsonValueKind.True } ? "passed"
                : "not passed: " + string.Join("; ", Items(verdict, "reasons").Select(r => r.ToString()));
            rings.Add(Str(ring, "name"), Str(ring, "state"), Time(Str(ring, "assignedAt")), N(ring, "devices"), N(ring, "prerequisitesPassed"),
                N(ring, "provisioned"), N(ring, "failed"), N(ring, "synced"), N(ring, "stuck"), gate);
        }

        rings.WriteTo(text);
        var conflicts = Items(rollout, "gpoConflicts").ToList();
        text.Append(Inv($"  GPO conflicts: {conflicts.Count}{(conflicts.Count > 0 ? ": " : "")}{string.Join(", ", conflicts.Select(c => Str(c, "deviceName") is { Length: > 0 } n ? n : Str(c, "deviceId")))}\n"));
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static void Section(StringBuilder text, string title) => text.Append('\n').Append(title).Append('\n');

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static JsonElement? Prop(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static string Str(JsonElement? e, string name) => Prop(e, name)?.ToString() ?? "";

    private static long N(JsonElement? e, string name) => Prop(e, name) is { ValueKind: JsonValueKind.Number } n ? (long)n.GetDouble() : 0;

    private static double Dbl(JsonElement? e, string name) => Prop(e, name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : 0;

    private static IEnumerable<JsonElement> Items(JsonElement? e, string name) =>
        Prop(e, name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    private static IEnumerable<JsonProperty> Obj(JsonElement? e, string name) =>
        Prop(e, name) is { ValueKind: JsonValueKind.Object } o ? o.EnumerateObject() : [];
}
