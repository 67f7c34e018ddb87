using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>LDAPS and StartTLS against the real Samba, trusting the CA named by the CaCertificatesFile setting only.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _otherCa = Path.Combine(Path.GetTempPath(), $"whfb-other-ca-{Guid.NewGuid():N}.pem");

    public TlsTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Some other CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(_otherCa, ca.ExportCertificatePem());
    }

    [Fact]
    public async Task Ldaps_with_the_directory_CA_binds_and_reads()
    {
        Assert.Equal("ldaps", LocalDirectory.Url.Scheme);
        using var scanner = new KeyCredentialScanner(LocalDirectory.Options());

        var state = await scanner.ReadServerStateAsync();

        Assert.StartsWith("CN=NTDS Settings", state.DsServiceName, StringComparison.Ordinal);
        Assert.Equal(LocalDirectory.Url, scanner.Server);
    }

    [Fact]
    public async Task Ldaps_without_the_CA_setting_fails_the_certificate_check()
    {
        using var scanner = new KeyCredentialScanner(LocalDirectory.Options() with { CaCertificatesFile = null });

        var ex = await Assert.ThrowsAsync<DirectoryUnavailableException>(() => scanner.ReadServerStateAsync());

        Assert.Contains("CaCertificatesFile", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ldaps_trusting_another_CA_fails_the_certificate_check()
    {
        using var scanner = new KeyCredentialScanner(LocalDirectory.Options() with { CaCertificatesFile = _otherCa });

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => scanner.ReadServerStateAsync());
    }

    [Fact]
    public async Task StartTls_on_plain_ldap_with_the_directory_CA_binds_and_reads()
    {
        using var scanner = new KeyCredentialScanner(StartTlsOptions(LocalDirectory.CaFile));

        var state = await scanner.ReadServerStateAsync();

        Assert.True(state.HighestCommittedUsn > 0);
        Assert.Equal(LocalDirectory.PlainUrl, scanner.Server);
    }

    [Fact]
    public async Task StartTls_trusting_another_CA_is_refused_before_the_password_is_sent()
    {
        using var scanner = new KeyCredentialScanner(StartTlsOptions(_otherCa));

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => scanner.ReadServerStateAsync());
    }

    public void Dispose() => File.Delete(_otherCa);

    private static LdapDirectoryOptions StartTlsOptions(string? ca) =>
        LocalDirectory.Options() with { Url = LocalDirectory.PlainUrl, StartTls = true, CaCertificatesFile = ca, AllowPlainTextBind = false };
}
