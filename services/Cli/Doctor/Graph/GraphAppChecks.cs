using Microsoft.Extensions.Configuration;
using Whfb.GraphClient;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor.Graph;

/// <summary>
/// The Graph checks of one app registration: its <c>Graph</c> section read as the services read it, its token and
/// permissions, then one real call per licence-bound or tenant-bound feature of the services it serves.
/// </summary>
internal static class GraphAppChecks
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(
        string subject, IReadOnlyList<string> services, IConfiguration configuration, DoctorSettings settings, TimeProvider time, CancellationToken ct)
    {
        var problems = new List<string>();
        if (GraphConnectionLoader.Load(configuration, problems) is not { } options)
        {
            return [CheckResult.Fail("graph-settings", subject, string.Join(" ", problems),
                "fix the Graph section the service is given (settings file or Graph__… environment variables); secrets only from the environment or …File settings")];
        }

        var (roles, results) = await GraphTokenCheck.RunAsync(subject, services, options, ct);
        var calls = new List<(string Id, Func<Task<CheckResult>> Run)>();
        var client = GraphServiceClientFactory.Create(options);
        if (services.Contains(GraphFeatures.SyncTracker))
        {
            calls.Add(("licence", () => RegistrationReportCheck.RunAsync(subject, client, ct)));
        }

        if (services.Contains(GraphFeatures.Policy))
        {
            calls.Add(("intune", () => IntuneCatalogCheck.RunAsync(subject, client, options.BaseUrl, ct)));
        }

        if (services.Contains(GraphFeatures.SyncTracker))
        {
            calls.Add(("directory-sync", () => OrganizationSyncCheck.RunAsync(subject, client, settings.SyncTracker, settings.FailAfterSyncCycles, time, ct)));
        }

        var all = results.ToList();
        foreach (var (id, run) in calls)
        {
            all.Add(roles is null ? CheckResult.Skip(id, subject, "no token") : await Reach(id, subject, options, run));
        }

        return all;
    }

    private static async Task<CheckResult> Reach(string id, string subject, GraphConnectionOptions options, Func<Task<CheckResult>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return CheckResult.Fail(id, subject, $"Graph at {options.BaseUrl} could not be reached ({e.GetType().Name}: {e.Message.Split('\n')[0]})",
                "check Graph:BaseUrl and this machine's route (proxy, firewall) to it");
        }
    }
}
