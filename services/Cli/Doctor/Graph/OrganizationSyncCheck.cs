using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor.Graph;

/// <summary>
/// Check 4: <c>GET organization</c>: directory sync is on (<c>onPremisesSyncEnabled</c>; hybrid key trust needs Entra Connect
/// to write every key into AD) and its last sync (<c>onPremisesLastSyncDateTime</c>) is recent against the Entra Connect
/// cycle SyncTracker is configured with (<c>SyncTracker:Thresholds:Cycle</c>): a warning from the age at which SyncTracker
/// calls the pipeline stalled (<c>StallAfterCycles</c> cycles), a failure past <paramref name="failAfterCycles"/> cycles.
/// </summary>
internal static class OrganizationSyncCheck
{
    public static async Task<CheckResult> RunAsync(
        string subject, GraphServiceClient client, IConfiguration syncTracker, int failAfterCycles, TimeProvider time, CancellationToken ct)
    {
        const string id = "directory-sync";
        var cycle = TimeSpan.TryParse(syncTracker["SyncTracker:Thresholds:Cycle"], CultureInfo.InvariantCulture, out var c) && c > TimeSpan.Zero ? c : TimeSpan.FromMinutes(30);
        var stallCycles = int.TryParse(syncTracker["SyncTracker:Thresholds:StallAfterCycles"], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 2;
        try
        {
            var organization = (await client.Organization.GetAsync(
                r => r.QueryParameters.Select = ["id", "onPremisesSyncEnabled", "onPremisesLastSyncDateTime"], ct))?.Value?.FirstOrDefault();
            if (organization?.OnPremisesSyncEnabled is not true)
            {
                return CheckResult.Fail(id, subject, $"onPremisesSyncEnabled is {organization?.OnPremisesSyncEnabled?.ToString() ?? "null"}: the tenant is not synced from AD",
                    "install and run Microsoft Entra Connect (or Cloud Sync) for this tenant: hybrid key trust needs it to write each key into AD");
            }

            if (organization.OnPremisesLastSyncDateTime is not { } last)
            {
                return CheckResult.Fail(id, subject, "onPremisesLastSyncDateTime is empty: Entra Connect never completed a sync", "run a sync cycle (Start-ADSyncSyncCycle) and check its errors");
            }

            var age = time.GetUtcNow() - last;
            var detail = $"Entra Connect last synced {last:u}, {Minutes(age)} ago ({age / cycle:0.#} cycles of {Minutes(cycle)})";
            return age > cycle * failAfterCycles
                ? CheckResult.Fail(id, subject, detail + $", beyond {failAfterCycles} cycles",
                    "Entra Connect has stopped syncing: check Get-ADSyncScheduler (SyncCycleEnabled, StagingModeEnabled) and the last run's errors")
                : age > cycle * stallCycles
                    ? CheckResult.Warn(id, subject, detail + $", beyond the {stallCycles} cycles after which SyncTracker calls the pipeline stalled",
                        "check that Entra Connect's scheduler runs, or set SyncTracker:Thresholds:Cycle to the cycle it really has")
                    : CheckResult.Pass(id, subject, detail);
        }
        catch (ODataError error)
        {
            return GraphRefusal.From(id, subject, GraphFeatures.SyncStatus, "GET organization", error);
        }
    }

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes < 120 ? $"{span.TotalMinutes:0} min" : $"{span.TotalHours:0.#} h";
}
