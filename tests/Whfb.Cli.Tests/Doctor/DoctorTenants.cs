using Microsoft.Extensions.DependencyInjection;
using Whfb.Simulator.Identity;
using Whfb.Simulator.Tenant;
using Whfb.Testing.Graph;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>
/// The Graph emulator as a tenant the doctor is pointed at: Entra Connect last synced <see cref="LastSyncAge"/> ago, with
/// or without Microsoft Entra ID P1/P2. One instance per kind of tenant, since the sync time never moves backwards.
/// </summary>
public abstract class DoctorTenant : GraphEmulator
{
    protected virtual TimeSpan LastSyncAge => TimeSpan.FromMinutes(5);

    protected virtual bool PremiumLicence => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:PremiumLicence"] = PremiumLicence ? "true" : "false",
    };

    public EmulatedApps Apps => App.Services.GetRequiredService<EmulatedApps>();

    /// <summary>The Graph section as a settings file holds it (no secret: that comes through the environment).</summary>
    public Dictionary<string, object> GraphSection(string clientId = ClientId) => new()
    {
        ["TenantId"] = TenantId,
        ["ClientId"] = clientId,
        ["AuthorityHost"] = HttpsRoot.ToString(),
        ["BaseUrl"] = new Uri(HttpsRoot, "v1.0").ToString(),
        ["PinnedCertificateThumbprint"] = Certificate.Thumbprint,
    };

    protected override void Seed(TenantDirectory directory, HelloMethodStore methods) =>
        App.Services.GetRequiredService<DirectorySyncStatus>().Synced(DateTimeOffset.UtcNow - LastSyncAge);
}

public sealed class HealthyTenant : DoctorTenant;

public sealed class PermissionTenant : DoctorTenant;

public sealed class UnlicensedTenant : DoctorTenant
{
    protected override bool PremiumLicence => false;
}

/// <summary>Entra Connect stopped 10 hours ago.</summary>
public sealed class StaleSyncTenant : DoctorTenant
{
    protected override TimeSpan LastSyncAge => TimeSpan.FromHours(10);
}

/// <summary>Several faults at once: no Entra ID P1/P2 and Entra Connect stopped 10 hours ago.</summary>
public sealed class BrokenTenant : DoctorTenant
{
    protected override bool PremiumLicence => false;

    protected override TimeSpan LastSyncAge => TimeSpan.FromHours(10);
}
