using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

namespace Whfb.Directory.Tests.Ldap;

public class BindFailureTests
{
    [Fact]
    public async Task Wrong_password_is_a_clear_bind_error()
    {
        using var scanner = new KeyCredentialScanner(LocalDirectory.Options() with { Password = "not-the-password" });

        var ex = await Assert.ThrowsAsync<DirectoryBindException>(() => scanner.ReadServerStateAsync());

        Assert.Equal(49, ex.LdapError);
        Assert.Contains("Bind to", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_bind_dn_is_a_clear_bind_error()
    {
        using var scanner = new KeyCredentialScanner(LocalDirectory.Options() with { BindDn = "CN=Nobody,CN=Users,DC=whfb,DC=test" });

        await Assert.ThrowsAsync<DirectoryBindException>(() => scanner.ReadServerStateAsync());
    }

    [Fact]
    public async Task Closed_port_is_an_unavailable_error_not_a_bind_error()
    {
        using var scanner = new KeyCredentialScanner(LocalDirectory.Options() with { Url = new Uri("ldaps://127.0.0.1:1") });

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => scanner.ReadServerStateAsync());
    }
}
