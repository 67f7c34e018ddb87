using Microsoft.Extensions.Configuration;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor;

/// <summary>Which services' needs to check: SyncTracker's (inventory and directory), Policy's (Intune and rings), or both.</summary>
public enum DoctorApps
{
    Both,
    SyncTracker,
    Policy,
}

/// <summary>
/// What the doctor checks against: the configuration each service would read (its settings files, then the environment,
/// keys as the services name them: <c>Graph:…</c>, <c>SyncTracker:Directory:…</c>, <c>SyncTracker:Thresholds:…</c>).
/// Policy reads SyncTracker's configuration unless it has files of its own (a second app registration).
/// </summary>
public sealed record DoctorSettings(IConfiguration SyncTracker, IConfiguration Policy, bool PolicyHasOwnApp, DoctorApps Apps)
{
    /// <summary>Users read per scanned base DN to check the bind account's read access.</summary>
    public int SampleUsers { get; init; } = 50;

    /// <summary>The age of Entra Connect's last sync, in cycles, beyond which the check fails (it warns past the stall threshold).</summary>
    public int FailAfterSyncCycles { get; init; } = 6;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public bool Checks(string service) =>
        Apps == DoctorApps.Both || string.Equals(Apps.ToString(), service, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Graph apps to check: one for both services, or one each when Policy has its own settings.</summary>
    public IReadOnlyList<(string Subject, IReadOnlyList<string> Services, IConfiguration Configuration)> GraphApps()
    {
        var services = new[] { GraphFeatures.SyncTracker, GraphFeatures.Policy }.Where(Checks).ToArray();
        if (!PolicyHasOwnApp || services.Length == 1)
        {
            var configuration = services is [GraphFeatures.Policy] ? Policy : SyncTracker;
            return [(string.Join("+", services), services, configuration)];
        }

        return [(GraphFeatures.SyncTracker, [GraphFeatures.SyncTracker], SyncTracker), (GraphFeatures.Policy, [GraphFeatures.Policy], Policy)];
    }

    /// <summary>Settings files in order (later ones override), then environment variables (<c>Graph__ClientId</c>), as the services read them.</summary>
    public static IConfiguration Load(IEnumerable<string> files)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in files)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }
}
