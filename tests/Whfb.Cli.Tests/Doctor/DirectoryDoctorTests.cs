using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;
using Xunit;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>Directory faults set on the real Samba, in an OU of this class's own.</summary>
public sealed class DirectoryDoctorTests(HealthyTenant tenant, ScannedOu ou) : IClassFixture<HealthyTenant>, IClassFixture<ScannedOu>
{
    [Fact]
    public async Task A_deny_read_ace_for_the_reader_fails_read_access_naming_the_user()
    {
        var hidden = await ou.KeyHolderAsync("doc-hidden");
        DenyReadAcl.Apply(hidden.DistinguishedName, DenyReadAcl.SidOf(ScannedOu.ReaderDn + LocalDirectory.BaseDn));
        // The fault is real: the reader's scan no longer sees the key the administrator still reads.
        using (var scanner = new KeyCredentialScanner(LocalDirectory.KerberosOptions(ou.Dn)))
        {
            var seen = new List<ScannedUser>();
            await scanner.ScanAsync(new KeyScanRequest(), (page, _) => { seen.AddRange(page.Users); return ValueTask.CompletedTask; });
            Assert.DoesNotContain(seen, u => u.ObjectGuid == hidden.ObjectGuid);
            Assert.Single(seen);
        }

        Assert.Single(await ou.ValuesAsAdministratorAsync(hidden));
        using var files = new DoctorProcess();

        var answer = await DoctorSetup.RunAsync(files, tenant, ou);

        Assert.Equal(1, answer.ExitCode);
        var access = answer["read-access"];
        Assert.Equal("fail", access.Status);
        Assert.Contains($"msDS-KeyCredentialLink of {hidden.DistinguishedName} (an explicit ACE denies read property to S-1-5-21-", access.Detail, StringComparison.Ordinal);
        Assert.Contains("grant the bind account Read on msDS-KeyCredentialLink", access.Remedy, StringComparison.Ordinal);
        Assert.Equal(["read-access"], answer.Checks.Where(c => c.Status != "pass").Select(c => c.Id));
    }

    [Fact]
    public async Task A_simple_bind_over_plain_ldap_is_refused_and_allowed_only_as_a_warning()
    {
        using var files = new DoctorProcess();
        var environment = new Dictionary<string, string>(DoctorSetup.SecretEnvironment) { ["SyncTracker__Directory__Password"] = LocalDirectory.Password };
        var plain = SimpleBind(LocalDirectory.PlainUrl);

        var refused = await Run(files, environment, plain);
        plain["AllowPlainTextBind"] = true;
        var allowed = await Run(files, environment, plain);

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("fail", refused["ldap-bind"].Status);
        Assert.Contains("would send the password unencrypted", refused["ldap-bind"].Detail, StringComparison.Ordinal);
        Assert.Equal(["skip", "skip"], [refused["schema"].Status, refused["read-access"].Status]);
        Assert.Equal("warn", allowed["ldap-bind"].Status);
        Assert.Contains("transport: plain LDAP (unencrypted): the password crosses the network in clear", allowed["ldap-bind"].Detail, StringComparison.Ordinal);
        Assert.Equal("pass", allowed["read-access"].Status);
        Assert.DoesNotContain(LocalDirectory.Password, refused.Output + allowed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ldaps_certificate_from_another_ca_is_explained()
    {
        using var files = new DoctorProcess();
        var otherCa = files.PathOf("other-ca.pem");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Some other CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllTextAsync(otherCa, ca.ExportCertificatePem());
        }

        var ldaps = SimpleBind(LocalDirectory.Url);
        ldaps["CaCertificatesFile"] = otherCa;
        var environment = new Dictionary<string, string>(DoctorSetup.SecretEnvironment) { ["SyncTracker__Directory__Password"] = LocalDirectory.Password };

        var answer = await Run(files, environment, ldaps);

        Assert.Equal("fail", answer["ldap-bind"].Status);
        Assert.Contains("The DC's certificate (", answer["ldap-bind"].Detail, StringComparison.Ordinal);
        Assert.Contains($"which is not a CA of CaCertificatesFile '{otherCa}'", answer["ldap-bind"].Detail, StringComparison.Ordinal);
    }

    private Dictionary<string, object> SimpleBind(Uri url) => new()
    {
        ["Url"] = url.ToString(),
        ["BindDn"] = LocalDirectory.BindDn,
        ["BaseDns"] = new[] { ou.Dn },
    };

    private Task<DoctorAnswer> Run(DoctorProcess files, Dictionary<string, string> environment, Dictionary<string, object> directory) =>
        DoctorProcess.RunAsync(environment, "--app", "synctracker", "--settings", files.WriteSettings(DoctorSetup.Settings(tenant, directory)));
}
