using Azure.Identity;
using Whfb.Testing.Graph;

namespace Whfb.GraphClient.Tests.Certificates;

/// <summary>The real GraphServiceClient with a certificate credential (a client assertion) against the emulator over https.</summary>
public sealed class CertificateCredentialTests(CertificateApps apps) : IClassFixture<CertificateApps>
{
    [Fact]
    public async Task A_pem_certificate_with_its_key_signs_in_and_calls_graph()
    {
        var connection = GraphConnectionLoader.Load(apps.Configuration(CertificateApps.PemApp, ("ClientCertificatePath", apps.Path("app.pem"))));

        var users = await GraphServiceClientFactory.Create(connection).Users.GetAsync();

        Assert.NotNull(users?.Value);
        Assert.Null(connection.ClientSecret);
        Assert.Equal(apps.AppCertificate.Thumbprint, connection.ClientCertificate!.Thumbprint);
    }

    [Fact]
    public async Task A_pfx_with_its_password_in_a_file_signs_in()
    {
        var connection = GraphConnectionLoader.Load(apps.Configuration(CertificateApps.PemApp,
            ("ClientCertificatePath", apps.Path("app.pfx")), ("ClientCertificatePasswordFile", apps.Path("pfx-password"))));

        Assert.NotNull(await GraphServiceClientFactory.Create(connection).Users.GetAsync());
    }

    [Fact]
    public async Task A_certificate_the_app_does_not_have_is_refused_with_AADSTS700027()
    {
        var connection = GraphConnectionLoader.Load(apps.Configuration(CertificateApps.PemApp, ("ClientCertificatePath", apps.Path("other.pem"))));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => GraphServiceClientFactory.Create(connection).Users.GetAsync());

        Assert.Contains("AADSTS700027", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_known_by_thumbprint_needs_the_certificate_sent_with_the_assertion()
    {
        var configuration = (bool chain) => apps.Configuration(CertificateApps.ThumbprintApp,
            ("ClientCertificatePath", apps.Path("app.pem")), ("SendCertificateChain", chain ? "true" : "false"));

        Assert.NotNull(await GraphServiceClientFactory.Create(GraphConnectionLoader.Load(configuration(true))).Users.GetAsync());
        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(
            () => GraphServiceClientFactory.Create(GraphConnectionLoader.Load(configuration(false))).Users.GetAsync());
        Assert.Contains("AADSTS700027", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_app_still_signs_in_with_its_secret()
    {
        var connection = GraphConnectionLoader.Load(apps.Configuration(GraphEmulator.ClientId, ("ClientSecret", GraphEmulator.ClientSecret)));

        Assert.NotNull(await GraphServiceClientFactory.Create(connection).Users.GetAsync());
        Assert.Null(connection.ClientCertificate);
    }
}
