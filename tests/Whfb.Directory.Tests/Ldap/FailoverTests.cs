using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>
/// A list of domain controllers: the real Samba under two names (ldaps://127.0.0.1 and ldaps://localhost, both in its
/// certificate), a closed port as a DC that is down, and a relay that can be cut as a DC that goes away mid-scan.
/// </summary>
public class FailoverTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    private static readonly Uri Down = new("ldaps://127.0.0.1:1");
    private static readonly Uri SecondName = new($"ldaps://localhost:{LocalDirectory.Url.Port}");

    [Fact]
    public async Task An_unreachable_first_dc_is_skipped_and_reported()
    {
        using var scanner = new KeyCredentialScanner(LocalDirectory.Options() with { Url = Down, FailoverUrls = [SecondName] });

        var state = await scanner.ReadServerStateAsync();

        Assert.StartsWith("CN=NTDS Settings", state.DsServiceName, StringComparison.Ordinal);
        Assert.Equal(SecondName, scanner.Server);
        var skipped = Assert.Single(scanner.SkippedServers);
        Assert.Equal(Down, skipped.Server);
        Assert.Contains("127.0.0.1:1", skipped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reachable_dc_is_an_unavailable_error_listing_each()
    {
        var otherDown = new Uri("ldaps://127.0.0.1:2");
        using var scanner = new KeyCredentialScanner(LocalDirectory.Options() with { Url = Down, FailoverUrls = [otherDown] });

        var ex = await Assert.ThrowsAsync<DirectoryUnavailableException>(() => scanner.ReadServerStateAsync());

        Assert.Equal([Down, otherDown], ex.Failures.Select(f => f.Server));
    }

    [Fact]
    public async Task A_refused_bind_is_not_retried_on_the_next_dc()
    {
        // Had the wrong password been tried on the next DC too, the error would be that DC's (down).
        var options = LocalDirectory.Options() with { Password = "not-the-password", FailoverUrls = [Down] };
        using var scanner = new KeyCredentialScanner(options);

        var ex = await Assert.ThrowsAsync<DirectoryBindException>(() => scanner.ReadServerStateAsync());

        Assert.Equal(49, ex.LdapError);
    }

    [Fact]
    public async Task A_scan_whose_dc_goes_away_is_dropped_instead_of_continuing_on_the_next()
    {
        for (var i = 0; i < 3; i++)
        {
            await ou.AddEntraKeyAsync(await ou.CreateUserAsync($"fo-{i}"));
        }

        await using var relay = new TcpRelay(LocalDirectory.Url.Host, LocalDirectory.Url.Port);
        var first = new Uri($"ldaps://{LocalDirectory.Url.Host}:{relay.Port}");
        using var scanner = new KeyCredentialScanner(ou.Options(pageSize: 1) with { Url = first, FailoverUrls = [SecondName] });
        var pages = 0;

        var ex = await Assert.ThrowsAsync<DirectoryUnavailableException>(() => scanner.ScanAsync(new KeyScanRequest(), (_, _) =>
        {
            pages++;
            relay.Cut();
            return ValueTask.CompletedTask;
        }));

        Assert.Equal(1, pages);
        Assert.Equal(SecondName, scanner.Server);
        Assert.Contains(first.ToString(), ex.Message, StringComparison.Ordinal);
    }
}
