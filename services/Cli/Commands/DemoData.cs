using System.Text.Json;

namespace Whfb.Cli.Commands;

/// <summary>What the demo summary is made of: the simulator's record of what it injected and did, and what each service observed.</summary>
internal sealed record DemoData
{
    public JsonElement? Fleet { get; init; }

    public JsonElement? Scheduler { get; init; }

    public JsonElement? SyncHealth { get; init; }

    public IReadOnlyList<JsonElement> StuckKeys { get; init; } = [];

    public IReadOnlyList<JsonElement> OrphanedKeys { get; init; } = [];

    public int RecoveredKeys { get; init; }

    /// <summary>Entra-to-AD latency of every synced or recovered key, in seconds.</summary>
    public IReadOnlyList<double> LatencySeconds { get; init; } = [];

    public JsonElement? Funnel { get; init; }

    public JsonElement? Failures { get; init; }

    public JsonElement? InsightsOrphaned { get; init; }

    /// <summary>
    /// The newest <see cref="AlertLimit"/> alerts not folded into another, plus those of every <see cref="FewKinds"/>
    /// kind even when older (a stall opens before its key-stuck alerts, GPO conflicts while the first rings roll out);
    /// each counts in <c>folded</c> the alerts folded into it.
    /// </summary>
    public IReadOnlyList<JsonElement> Alerts { get; init; } = [];

    /// <summary>The newest-alerts list was cut at <see cref="AlertLimit"/>: key-stuck counts may be higher.</summary>
    public bool AlertListFull { get; init; }

    public JsonElement? Rollout { get; init; }

    /// <summary>Insights' notification counts per alert kind, event and delivery status.</summary>
    public IReadOnlyList<JsonElement> Notifications { get; init; } = [];

    public IReadOnlyList<string> Problems { get; init; } = [];

    public const int AlertLimit = 1000;

    /// <summary>Alert kinds read on their own, whole: a few per rollout, where key-stuck alerts can run into thousands.</summary>
    public static readonly string[] FewKinds = ["pipeline-stalled", "rollout-halted", "gpo-conflict"];

    public static async Task<DemoData> LoadAsync(CancellationToken ct)
    {
        using var sources = new DemoSources();
        var newest = AlertsOf(await sources.ServiceAsync("insights", $"/v1/alerts?state=all&limit={AlertLimit}", ct));
        var few = new List<JsonElement>();
        foreach (var kind in FewKinds)
        {
            few.AddRange(AlertsOf(await sources.ServiceAsync("insights", $"/v1/alerts?state=all&kind={kind}&limit={AlertLimit}", ct)));
        }

        var synced = (await sources.KeysAsync("Synced", ct)).Concat(await sources.KeysAsync("Recovered", ct)).ToList();
        return new DemoData
        {
            Fleet = await sources.SimulatorAsync("/admin/fleet", ct),
            Scheduler = await sources.SimulatorAsync("/admin/entra-connect/scheduler", ct),
            SyncHealth = await sources.ServiceAsync("synctracker", "/v1/sync/health", ct),
            StuckKeys = await sources.KeysAsync("Stuck", ct),
            OrphanedKeys = await sources.KeysAsync("Orphaned", ct),
            RecoveredKeys = synced.Count(k => k.GetProperty("state").GetString() == "Recovered"),
            LatencySeconds = synced.Select(k => k.GetProperty("latencyMinutes"))
                .Where(l => l.ValueKind == JsonValueKind.Number).Select(l => l.GetDouble() * 60).Order().ToList(),
            Funnel = await sources.ServiceAsync("insights", "/v1/analytics/funnel?groupBy=ring", ct),
            Failures = await sources.ServiceAsync("insights", "/v1/analytics/failures?limit=20", ct),
            InsightsOrphaned = await sources.ServiceAsync("insights", "/v1/analytics/keys/orphaned?limit=1000", ct),
            Alerts = [.. newest.Concat(few).DistinctBy(a => a.GetProperty("id").GetString())],
            AlertListFull = newest.Count >= AlertLimit,
            Rollout = await LatestRolloutAsync(sources, ct),
            Notifications = [.. Items(await sources.ServiceAsync("insights", "/v1/alerts/notifications", ct), "notifications")],
            Problems = sources.Problems,
        };
    }

    private static IEnumerable<JsonElement> Items(JsonElement? body, string name) =>
        body is { } b && b.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];

    private static List<JsonElement> AlertsOf(JsonElement? body) => [.. Items(body, "alerts")];

    /// <summary>The newest rollout's status from Policy (the list may be an array or wrapped in an object).</summary>
    private static async Task<JsonElement?> LatestRolloutAsync(DemoSources sources, CancellationToken ct)
    {
        if (await sources.ServiceAsync("policy", "/v1/rollouts", ct) is not { } list)
        {
            return null;
        }

        var items = list.ValueKind == JsonValueKind.Array ? list
            : list.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array);
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            return null;
        }

        var newest = items.EnumerateArray().OrderBy(r => r.TryGetProperty("createdAt", out var c) ? c.ToString() : "").Last();
        return await sources.ServiceAsync("policy", $"/v1/rollouts/{newest.GetProperty("id").GetString()}", ct);
    }
}
