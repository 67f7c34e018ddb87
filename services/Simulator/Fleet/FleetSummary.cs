using System.Globalization;
using System.Text;
using Whfb.Simulator.EntraConnect;

namespace Whfb.Simulator.Fleet;

/// <summary>The end-of-run text a person checks against the scenario: what was injected, what happened.</summary>
public static class FleetSummary
{
    public static string Format(string scenario, int seed, FleetStats stats, SchedulerState sync, string reports, TimeSpan wall, string? seeding = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(sync);
        var text = new StringBuilder();
        void Line(string label, object value) => text.AppendLine(CultureInfo.InvariantCulture, $"  {label,-38} {value}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Scenario {scenario} (seed {seed}): devices reported for {wall.TotalSeconds:F0} s");
        if (seeding is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"AD: {seeding}");
        }

        text.AppendLine("Injected:");
        Line("devices (per ring)", $"{stats.Devices} ({string.Join(" / ", stats.DevicesPerRing)})");
        Line("not hybrid joined", stats.InjectedNotHybridJoined);
        Line("no TPM (policy requires one)", stats.InjectedNoTpm);
        Line("Remote Desktop sessions", stats.InjectedRemoteDesktop);
        Line("GPO enables WHfB", stats.InjectedGpoEnabled);
        Line("GPO conflicts (GPO off wins)", stats.InjectedGpoConflicts);
        Line("users outside sync scope", stats.InjectedOutOfSyncScope);
        Line("AdminSDHolder users (8344)", stats.InjectedAdminSdHolder);
        Line("stalled scheduler cycles", stats.InjectedStalledCycles);
        Line("orphaned key values in AD", stats.InjectedOrphanedKeys);
        text.AppendLine("Funnel:");
        Line("rings assigned", stats.RingsAssigned);
        Line("policy reached devices", stats.PolicyReached);
        Line("signed in", stats.SignedIn);
        Line("358 ready / 360 not ready", $"{stats.Ready358} / {stats.NotReady360}");
        Line("300 registered / 301 failed", $"{stats.Registered300} / {stats.Failed301}");
        foreach (var ring in stats.Rings)
        {
            Line($"  {ring.Name}", $"{ring.Devices} devices, {ring.PolicyReached} reached, 358/360 {ring.Ready358}/{ring.NotReady360}, 300/301 {ring.Registered300}/{ring.Failed301}");
        }

        Line("301 codes", string.Join(", ", stats.FailureCodes.OrderBy(c => c.Key).Select(c => $"{c.Key}×{c.Value}")));
        text.AppendLine("Entra Connect:");
        Line("cycles run / skipped", $"{sync.CycleCount} / {sync.SkippedCycles}");
        Line("keys exported / removed", $"{sync.KeysExported} / {sync.KeysRemoved}");
        Line("backlog, last errors", $"{sync.Backlog}, {sync.LastCycleFailures.Count}");
        Line("expected stuck keys", stats.ExpectedStuckKeys);
        text.AppendLine(CultureInfo.InvariantCulture, $"Reports: {reports}");
        return text.ToString();
    }
}
