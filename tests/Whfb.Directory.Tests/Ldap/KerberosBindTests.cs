using System.DirectoryServices.Protocols;
using System.Text;
using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>
/// The Negotiate bind against Samba's KDC for real: Kerberos tickets from the directory reader's keytab (the local
/// krb5.conf that KRB5_CONFIG names points GSSAPI at it), no password in the configuration, traffic sealed.
/// </summary>
public class KerberosBindTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    private const string ReaderDn = "CN=whfb-ldap,CN=Users,";

    [Fact]
    public void Negotiate_binds_as_the_keytab_account()
    {
        using var connection = LdapConnections.OpenBound(LocalDirectory.KerberosOptions());

        // rootDSE tokenGroups lists the SIDs of the bound identity's token, its own SID first.
        var token = Values(connection, "", "tokenGroups");
        var reader = Assert.Single(Values(connection, ReaderDn + LocalDirectory.BaseDn, "objectSid"));

        Assert.Contains(reader, token, new BytesComparer());
    }

    [Fact]
    public async Task Negotiate_scan_reads_the_keys_of_an_ou()
    {
        var alice = await ou.CreateUserAsync("krb-alice");
        var value = await ou.AddEntraKeyAsync(alice);

        var (summary, scan) = await ScanCollector.ScanAsync(LocalDirectory.KerberosOptions(ou.OuDn));

        Assert.Equal(ScanMode.Full, summary.Mode);
        Assert.Equal(value, Assert.Single(scan.User(alice).Values).Raw);
    }

    [Fact]
    public async Task Negotiate_traffic_is_sealed_on_the_wire()
    {
        var marker = $"sealed-{Guid.NewGuid():N}";
        var user = await ou.Objects.CreateUserAsync(ou.OuDn, marker[..20], $"{marker}@whfb.test");
        await using var relay = new TcpRelay(LocalDirectory.KerberosUrl.Host, LocalDirectory.KerberosUrl.Port);
        var options = LocalDirectory.KerberosOptions() with { Url = new Uri($"ldap://{LocalDirectory.KerberosUrl.Host}:{relay.Port}") };

        using (var connection = LdapConnections.OpenBound(options))
        {
            var upn = Assert.Single(Values(connection, user.DistinguishedName, "userPrincipalName"));
            Assert.Equal($"{marker}@whfb.test", Encoding.UTF8.GetString(upn));
        }

        Assert.False(Contains(relay.ServerBytes(), marker), "the UPN crossed the relay in clear text");
    }

    [Fact]
    public async Task The_relay_sees_a_plain_simple_bind_in_clear_text()
    {
        // The control for the test above: through the same relay, an allowed plain bind's answer is readable.
        var marker = $"plain-{Guid.NewGuid():N}";
        var user = await ou.Objects.CreateUserAsync(ou.OuDn, marker[..20], $"{marker}@whfb.test");
        await using var relay = new TcpRelay(LocalDirectory.PlainUrl.Host, LocalDirectory.PlainUrl.Port);
        var options = LocalDirectory.Options() with
        {
            Url = new Uri($"ldap://{LocalDirectory.PlainUrl.Host}:{relay.Port}"), CaCertificatesFile = null, AllowPlainTextBind = true,
        };

        using (var connection = LdapConnections.OpenBound(options))
        {
            Assert.Single(Values(connection, user.DistinguishedName, "userPrincipalName"));
        }

        Assert.True(Contains(relay.ServerBytes(), marker));
    }

    private static IReadOnlyList<byte[]> Values(LdapConnection connection, string dn, string attribute)
    {
        var response = (SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, attribute));
        var values = response.Entries[0].Attributes[attribute];
        return values is null ? [] : [.. values.GetValues(typeof(byte[])).Cast<byte[]>()];
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
