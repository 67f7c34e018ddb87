using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

public class IncrementalScanTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    [Fact]
    public async Task Incremental_scan_returns_changed_users_with_their_current_values_including_one_without_keys_now()
    {
        var adder = await ou.CreateUserAsync("adder");
        var trimmer = await ou.CreateUserAsync("trimmer");
        var leaver = await ou.CreateUserAsync("leaver");
        var untouched = await ou.CreateUserAsync("untouched");
        var first = await ou.AddEntraKeyAsync(adder);
        var kept = await ou.AddEntraKeyAsync(trimmer);
        var dropped = await ou.AddEntraKeyAsync(trimmer);
        var last = await ou.AddEntraKeyAsync(leaver);
        await ou.AddEntraKeyAsync(untouched);
        var (full, _) = await ScanCollector.ScanAsync(ou.Options());

        var added = await ou.AddEntraKeyAsync(adder);
        Assert.True(await ou.Keys.RemoveValueAsync(trimmer.DistinguishedName, dropped));
        Assert.True(await ou.Keys.RemoveValueAsync(leaver.DistinguishedName, last));
        var request = new KeyScanRequest { Cursors = [full.Cursor] };
        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options(), request);

        Assert.Equal(ScanMode.Incremental, summary.Mode);
        Assert.Null(summary.FullScanReason);
        Assert.Equal(new[] { first, added }.Order(), scan.User(adder).Values.Select(v => v.Raw).Order());
        Assert.Equal([kept], scan.User(trimmer).Values.Select(v => v.Raw));
        Assert.Empty(scan.User(leaver).Values);
        Assert.DoesNotContain(scan.Users, u => u.ObjectGuid == untouched.ObjectGuid);
        Assert.True(summary.Cursor.HighestCommittedUsn > full.Cursor.HighestCommittedUsn);
    }

    [Fact]
    public async Task Nothing_changed_gives_an_empty_incremental_scan()
    {
        var quiet = await ou.CreateUserAsync("quiet");
        await ou.AddEntraKeyAsync(quiet);
        using var scanner = new KeyCredentialScanner(ou.Options());
        var cursor = (await scanner.ReadServerStateAsync()).ToCursor();

        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options(), new KeyScanRequest { Cursors = [cursor] });

        Assert.Equal(ScanMode.Incremental, summary.Mode);
        Assert.Empty(scan.Users);
    }

    [Fact]
    public async Task Changed_invocation_id_falls_back_to_a_full_scan()
    {
        var restored = await ou.CreateUserAsync("restored");
        await ou.AddEntraKeyAsync(restored);
        using var scanner = new KeyCredentialScanner(ou.Options());
        var state = await scanner.ReadServerStateAsync();
        var stale = state.ToCursor() with { InvocationId = Guid.NewGuid() };

        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options(), new KeyScanRequest { Cursors = [stale] });

        Assert.Equal(ScanMode.Full, summary.Mode);
        Assert.Contains("invocation id changed", summary.FullScanReason, StringComparison.Ordinal);
        Assert.Single(scan.User(restored).Values);
    }

    [Fact]
    public async Task Known_key_holder_coming_back_without_values_in_an_incremental_scan_is_a_smell()
    {
        var emptied = await ou.CreateUserAsync("emptied");
        var value = await ou.AddEntraKeyAsync(emptied);
        using var scanner = new KeyCredentialScanner(ou.Options());
        var cursor = (await scanner.ReadServerStateAsync()).ToCursor();
        await ou.Keys.RemoveValueAsync(emptied.DistinguishedName, value);

        var request = new KeyScanRequest { Cursors = [cursor], KnownKeyHolders = [emptied.ObjectGuid] };
        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options(), request);

        var smell = Assert.Single(scan.Pages.SelectMany(p => p.Smells));
        Assert.Equal(emptied.ObjectGuid, smell.ObjectGuid);
        Assert.Equal(1, summary.SmellCount);
    }
}
