using Whfb.Cli.Doctor.Directory;
using Whfb.Cli.Doctor.Graph;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor;

/// <summary>Runs every check the chosen services need, in the order an operator fixes things: Graph, then the directory.</summary>
public static class DoctorRun
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorSettings settings, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(settings.Timeout);
        var results = new List<CheckResult>();
        foreach (var (subject, services, configuration) in settings.GraphApps())
        {
            results.AddRange(await GraphAppChecks.RunAsync(subject, services, configuration, settings, time, limit.Token));
        }

        if (settings.Checks(GraphFeatures.SyncTracker))
        {
            results.AddRange(await DirectoryChecks.RunAsync(settings.SyncTracker, settings.SampleUsers, time, limit.Token));
        }

        return results;
    }
}
