using Microsoft.Extensions.DependencyInjection;
using Whfb.GraphClient.Access;
using Whfb.Simulator.Identity;
using Whfb.Simulator.Tenant;
using Whfb.Testing.Graph;
using Xunit;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>
/// One app registration per service for least privilege: SyncTracker's with a client secret from a file, Policy's with a
/// certificate (PEM with its key), each consented to exactly the least-privileged permissions of its own features.
/// </summary>
public sealed class TwoAppsDoctorTests(CertificateApps tenant, ScannedOu ou) : IClassFixture<CertificateApps>, IClassFixture<ScannedOu>
{
    [Fact]
    public async Task Each_app_is_checked_against_its_own_services_features_with_its_own_credential()
    {
        var apps = tenant.App.Services.GetRequiredService<EmulatedApps>();
        apps.Consent(GraphEmulator.ClientId, GraphFeatures.Of(GraphFeatures.SyncTracker).Select(f => f.LeastPrivileged));
        apps.Consent(CertificateApps.PemApp, GraphFeatures.Of(GraphFeatures.Policy).Select(f => f.LeastPrivileged));
        tenant.App.Services.GetRequiredService<DirectorySyncStatus>().Synced(DateTimeOffset.UtcNow.AddMinutes(-3));
        using var files = new DoctorProcess();
        await File.WriteAllTextAsync(files.PathOf("synctracker-secret"), GraphEmulator.ClientSecret);
        var syncTracker = files.WriteSettings(new
        {
            Graph = Graph(GraphEmulator.ClientId, ("ClientSecretFile", files.PathOf("synctracker-secret"))),
            SyncTracker = new { Directory = ou.KerberosSection() },
        }, "synctracker.appsettings.json");
        var policy = files.WriteSettings(new { Graph = Graph(CertificateApps.PemApp, ("ClientCertificatePath", tenant.Path("app.pem"))) }, "policy.appsettings.json");

        var answer = await DoctorProcess.RunAsync(new Dictionary<string, string>(), "--settings", syncTracker, "--policy-settings", policy);

        Assert.Equal(0, answer.ExitCode);
        Assert.All(answer.Checks, c => Assert.Equal("pass", c.Status));
        Assert.Contains("client secret", answer.Of("graph-token", "SyncTracker").Detail, StringComparison.Ordinal);
        Assert.Contains($"certificate {tenant.AppCertificate.Thumbprint}", answer.Of("graph-token", "Policy").Detail, StringComparison.Ordinal);
        Assert.Equal(GraphFeatures.Of(GraphFeatures.Policy).Select(f => $"permission:{f.Name}").Append("intune").Prepend("graph-token").Order(StringComparer.Ordinal),
            answer.Checks.Where(c => c.Subject == "Policy").Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Contains(answer.Checks, c => c.Subject == "SyncTracker" && c.Id == "licence");
        Assert.DoesNotContain(GraphEmulator.ClientSecret, answer.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, object> Graph(string clientId, (string Key, string Value) credential) => new()
    {
        ["TenantId"] = GraphEmulator.TenantId,
        ["ClientId"] = clientId,
        ["AuthorityHost"] = tenant.HttpsRoot.ToString(),
        ["BaseUrl"] = new Uri(tenant.HttpsRoot, "v1.0").ToString(),
        ["PinnedCertificateThumbprint"] = tenant.Certificate.Thumbprint,
        [credential.Key] = credential.Value,
    };
}
