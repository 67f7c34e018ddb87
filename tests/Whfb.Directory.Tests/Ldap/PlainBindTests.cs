using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>A password never crosses plain LDAP unless the configuration says so.</summary>
public class PlainBindTests
{
    [Fact]
    public async Task Simple_bind_over_plain_ldap_is_refused_before_any_connection()
    {
        // A closed port: had a connection been tried, this would be an unavailable error.
        using var scanner = new KeyCredentialScanner(PlainOptions(new Uri("ldap://127.0.0.1:1")));

        var ex = await Assert.ThrowsAsync<DirectoryConfigurationException>(() => scanner.ReadServerStateAsync());

        Assert.Contains("unencrypted", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalDirectory.Password, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simple_bind_over_plain_ldap_to_the_real_directory_is_refused()
    {
        using var scanner = new KeyCredentialScanner(PlainOptions(LocalDirectory.PlainUrl));

        await Assert.ThrowsAsync<DirectoryConfigurationException>(() => scanner.ReadServerStateAsync());
    }

    [Fact]
    public async Task Simple_bind_over_plain_ldap_works_when_explicitly_allowed()
    {
        using var scanner = new KeyCredentialScanner(PlainOptions(LocalDirectory.PlainUrl) with { AllowPlainTextBind = true });

        var state = await scanner.ReadServerStateAsync();

        Assert.True(state.HighestCommittedUsn > 0);
    }

    [Fact]
    public void A_plain_url_among_failover_urls_is_refused_too()
    {
        var options = LocalDirectory.Options() with { FailoverUrls = [LocalDirectory.PlainUrl] };

        var problem = Assert.Single(LdapOptionsCheck.Problems(options));

        Assert.Contains(LocalDirectory.PlainUrl.ToString(), problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ldaps://dc.example", false, "inside TLS")]
    [InlineData("ldap://dc.example", true, "inside TLS")]
    public void Negotiate_inside_tls_is_refused(string url, bool startTls, string expected)
    {
        var options = new LdapDirectoryOptions { Url = new Uri(url), StartTls = startTls, BindMode = LdapBindMode.Negotiate };

        Assert.Contains(LdapOptionsCheck.Problems(options), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Negotiate_with_a_dn_and_password_is_refused()
    {
        var options = new LdapDirectoryOptions { Url = new Uri("ldap://dc.example"), BindMode = LdapBindMode.Negotiate, BindDn = "CN=x", Password = "p" };

        Assert.Contains(LdapOptionsCheck.Problems(options), p => p.Contains("keytab", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_ca_file_and_starttls_on_ldaps_are_refused()
    {
        var options = LocalDirectory.Options() with { StartTls = true, CaCertificatesFile = "/nonexistent/ca.pem" };

        var problems = LdapOptionsCheck.Problems(options);

        Assert.Contains(problems, p => p.Contains("is ldaps:// already", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/nonexistent/ca.pem", StringComparison.Ordinal));
    }

    private static LdapDirectoryOptions PlainOptions(Uri url) => LocalDirectory.Options() with { Url = url, CaCertificatesFile = null, AllowPlainTextBind = false };
}
