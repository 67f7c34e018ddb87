using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>A real ACL hides msDS-KeyCredentialLink from the bind account: the scan must say so.</summary>
public class PermissionSmellTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    [Fact]
    public async Task Keys_hidden_by_a_deny_ace_are_reported_as_a_smell_by_the_full_scan()
    {
        var hidden = await ou.CreateUserAsync("hidden");
        var visible = await ou.CreateUserAsync("visible");
        await ou.AddEntraKeyAsync(hidden);
        await ou.AddEntraKeyAsync(visible);
        DenyReadAcl.Apply(hidden.DistinguishedName);

        var request = new KeyScanRequest { KnownKeyHolders = [hidden.ObjectGuid, visible.ObjectGuid] };
        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options(), request);

        Assert.DoesNotContain(scan.Users, u => u.ObjectGuid == hidden.ObjectGuid);
        Assert.Single(scan.User(visible).Values);
        var smell = Assert.Single(summary.Smells);
        Assert.Equal(hidden.ObjectGuid, smell.ObjectGuid);
        Assert.Contains("cannot read", smell.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_hidden_by_a_deny_ace_are_reported_as_a_smell_by_the_incremental_scan()
    {
        var later = await ou.CreateUserAsync("later");
        using var scanner = new KeyCredentialScanner(ou.Options());
        var cursor = (await scanner.ReadServerStateAsync()).ToCursor();
        await ou.AddEntraKeyAsync(later);
        DenyReadAcl.Apply(later.DistinguishedName);

        var request = new KeyScanRequest { Cursors = [cursor], KnownKeyHolders = [later.ObjectGuid] };
        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options(), request);

        Assert.Equal(ScanMode.Incremental, summary.Mode);
        Assert.Empty(scan.User(later).Values);
        Assert.Equal(later.ObjectGuid, Assert.Single(scan.Pages.SelectMany(p => p.Smells)).ObjectGuid);
    }

    [Fact]
    public async Task A_known_holder_without_values_is_a_smell_that_carries_its_adminCount_in_both_scans()
    {
        var admin = await ou.CreateUserAsync("admin-nokey");
        var plain = await ou.CreateUserAsync("plain-nokey");
        using var scanner = new KeyCredentialScanner(ou.Options());
        var cursor = (await scanner.ReadServerStateAsync()).ToCursor();
        // Both change after the cursor, so the incremental scan returns them; the full scan reads them through its probe.
        await ou.Objects.SetAdminCountAsync(admin.DistinguishedName, 1);
        await ou.Objects.SetAdminCountAsync(plain.DistinguishedName, 0);

        var known = new[] { admin.ObjectGuid, plain.ObjectGuid };
        var (full, _) = await ScanCollector.ScanAsync(ou.Options(), new KeyScanRequest { KnownKeyHolders = known });
        var (incremental, scan) = await ScanCollector.ScanAsync(ou.Options(), new KeyScanRequest { Cursors = [cursor], KnownKeyHolders = known });

        Assert.Equal(ScanMode.Incremental, incremental.Mode);
        foreach (var smells in new[] { full.Smells, scan.Pages.SelectMany(p => p.Smells).ToList() })
        {
            Assert.Equal(1, smells.Single(x => x.ObjectGuid == admin.ObjectGuid).AdminCount);
            Assert.Equal(0, smells.Single(x => x.ObjectGuid == plain.ObjectGuid).AdminCount);
        }
    }
}
