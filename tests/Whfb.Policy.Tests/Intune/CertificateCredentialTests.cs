using Whfb.Policy.Intune;
using Whfb.Testing.Graph;

namespace Whfb.Policy.Tests.Intune;

/// <summary>Policy's Intune calls with the app's certificate instead of a secret, read from the same Graph settings as SyncTracker's.</summary>
public sealed class CertificateCredentialTests(CertificateApps apps) : IClassFixture<CertificateApps>
{
    [Fact]
    public async Task Intune_writes_work_with_a_certificate_credential()
    {
        var settings = apps.CredentialSettings(CertificateApps.PemApp, ("ClientCertificatePath", apps.Path("app.pem")));
        await using var host = await IntuneHost.StartAsync(settings);
        var spec = new IntunePolicySpec(Guid.Parse(GraphEmulator.TenantId), $"WHfB cert {Guid.NewGuid():N}", IntunePolicyMode.CustomOmaUri,
            new WhfbSettings(true, true, WhfbScope.Device));

        var result = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);

        Assert.True(result.Created);
        Assert.NotNull(apps.Intune.DeviceConfigurations.Get(result.Policy.PolicyId));
    }

    [Fact]
    public async Task A_certificate_file_without_its_key_stops_the_host()
    {
        var settings = apps.CredentialSettings(CertificateApps.PemApp, ("ClientCertificatePath", apps.Path("no-key.pem")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => IntuneHost.StartAsync(settings));

        Assert.Contains("no private key", error.Message, StringComparison.Ordinal);
    }
}
