using Whfb.GraphClient.Access;
using Xunit;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>Consent changed in the emulator (as an admin removing a permission in Entra): the doctor names what to grant.</summary>
public sealed class PermissionDoctorTests(PermissionTenant tenant, ScannedOu ou) : IClassFixture<PermissionTenant>, IClassFixture<ScannedOu>
{
    [Fact]
    public async Task A_missing_permission_fails_its_feature_naming_the_least_privileged_permission()
    {
        tenant.ConsentAllBut([.. GraphFeatures.KeyInventory.AcceptedPermissions, .. GraphFeatures.SyncStatus.AcceptedPermissions]);
        try
        {
            using var files = new DoctorProcess();

            var answer = await DoctorSetup.RunAsync(files, tenant, ou);

            Assert.Equal(1, answer.ExitCode);
            Assert.Equal("fail", answer["permission:key-inventory"].Status);
            Assert.Contains("permission UserAuthMethod-WindowsHello.Read.All", answer["permission:key-inventory"].Remedy, StringComparison.Ordinal);
            Assert.Contains("permission Organization.Read.All", answer["permission:sync-status"].Remedy, StringComparison.Ordinal);
            // The organization call is really refused, and classified as a permission, not retried as throttling.
            Assert.Equal("fail", answer["directory-sync"].Status);
            Assert.Contains("Authorization_RequestDenied", answer["directory-sync"].Detail, StringComparison.Ordinal);
            Assert.Equal(["directory-sync", "permission:key-inventory", "permission:sync-status"],
                answer.Checks.Where(c => c.Status != "pass").Select(c => c.Id).Order(StringComparer.Ordinal));
        }
        finally
        {
            tenant.ConsentAllBut();
        }
    }

    [Fact]
    public async Task A_feature_admitted_only_by_a_wider_permission_warns_for_least_privilege()
    {
        tenant.ConsentAllBut("User.Read.All");
        try
        {
            using var files = new DoctorProcess();

            var answer = await DoctorSetup.RunAsync(files, tenant, ou);

            Assert.Equal(0, answer.ExitCode);
            Assert.Equal(["permission:ring-users", "permission:user-anchors"], answer.Checks.Where(c => c.Status == "warn").Select(c => c.Id).Order(StringComparer.Ordinal));
            Assert.Contains("grant User.Read.All instead of Directory.Read.All", answer["permission:user-anchors"].Remedy, StringComparison.Ordinal);
        }
        finally
        {
            tenant.ConsentAllBut();
        }
    }
}

/// <summary><c>Simulator:Graph:PremiumLicence=false</c>: the registration report answers Graph's licence 403.</summary>
public sealed class LicenceDoctorTests(UnlicensedTenant tenant, ScannedOu ou) : IClassFixture<UnlicensedTenant>, IClassFixture<ScannedOu>
{
    [Fact]
    public async Task A_tenant_without_Entra_ID_P1_fails_the_licence_check()
    {
        using var files = new DoctorProcess();

        var answer = await DoctorSetup.RunAsync(files, tenant, ou);

        Assert.Equal(1, answer.ExitCode);
        var licence = answer["licence"];
        Assert.Equal("fail", licence.Status);
        Assert.Contains("lacks Microsoft Entra ID P1 or P2", licence.Detail, StringComparison.Ordinal);
        Assert.Contains("Authentication_RequestFromNonPremiumTenantOrB2CTenant", licence.Detail, StringComparison.Ordinal);
        Assert.Equal(["licence"], answer.Checks.Where(c => c.Status != "pass").Select(c => c.Id));
    }
}

/// <summary>Entra Connect's last sync 10 hours old, against the configured cycle.</summary>
public sealed class StaleSyncDoctorTests(StaleSyncTenant tenant, ScannedOu ou) : IClassFixture<StaleSyncTenant>, IClassFixture<ScannedOu>
{
    [Theory]
    [InlineData("00:30:00", "fail", "(20 cycles of 30 min), beyond 6 cycles")]
    [InlineData("02:00:00", "warn", "(5 cycles of 2 h), beyond the 2 cycles after which SyncTracker calls the pipeline stalled")]
    public async Task A_stale_last_sync_warns_past_the_stall_threshold_and_fails_past_the_limit(string cycle, string status, string seen)
    {
        using var files = new DoctorProcess();
        var settings = files.WriteSettings(DoctorSetup.Settings(tenant, ou.KerberosSection(), cycle));

        var answer = await DoctorProcess.RunAsync(DoctorSetup.SecretEnvironment, "--settings", settings);

        var sync = answer["directory-sync"];
        Assert.Equal(status, sync.Status);
        Assert.Contains(seen, sync.Detail, StringComparison.Ordinal);
        Assert.Equal(status == "fail" ? 1 : 0, answer.ExitCode);
    }
}
