using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

public class FullScanTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    [Fact]
    public async Task Full_scan_returns_keyed_users_with_identifiers_and_decoded_values()
    {
        var alice = await ou.CreateUserAsync("alice");
        var keyless = await ou.CreateUserAsync("keyless");
        var device = Guid.NewGuid();
        var value = await ou.AddEntraKeyAsync(alice, device);

        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options());

        Assert.Equal(ScanMode.Full, summary.Mode);
        Assert.DoesNotContain(scan.Users, u => u.ObjectGuid == keyless.ObjectGuid);
        var found = scan.User(alice);
        Assert.Equal(alice.DistinguishedName, found.DistinguishedName);
        Assert.Equal("alice@whfb.test", found.UserPrincipalName);
        Assert.Equal(alice.ObjectSid, found.ObjectSid);
        Assert.StartsWith("S-1-5-21-", found.ObjectSid, StringComparison.Ordinal);
        Assert.True(found.UsnChanged > 0);
        var key = Assert.Single(found.Values).Key!;
        Assert.Equal(value, found.Values[0].Raw);
        Assert.Equal(KeySource.AzureAD, key.Source);
        Assert.Equal(device, key.DeviceId);
        Assert.True(key.KeyIdValid && key.KeyHashValid);
        Assert.Equal(alice.DistinguishedName, key.OwnerDn);
    }

    [Fact]
    public async Task A_user_with_several_keys_returns_all_values()
    {
        var bob = await ou.CreateUserAsync("bob");
        var values = new[] { await ou.AddEntraKeyAsync(bob), await ou.AddEntraKeyAsync(bob), await ou.AddEntraKeyAsync(bob) };

        var (_, scan) = await ScanCollector.ScanAsync(ou.Options());

        Assert.Equal(values.Order(), scan.User(bob).Values.Select(v => v.Raw).Order());
        Assert.All(scan.User(bob).Values, v => Assert.True(v.IsDecoded));
    }

    [Fact]
    public async Task An_undecodable_value_is_reported_per_value_and_does_not_stop_the_scan()
    {
        var carol = await ou.CreateUserAsync("carol");
        var good = await ou.AddEntraKeyAsync(carol);
        await ou.Keys.AddValueAsync(carol.DistinguishedName, $"B:8:DEADBEEF:{carol.DistinguishedName}");

        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options());

        var values = scan.User(carol).Values;
        Assert.True(values.Single(v => v.Raw == good).IsDecoded);
        var bad = values.Single(v => v.Raw != good);
        Assert.Null(bad.Key);
        Assert.Equal(FormatErrorLocation.Blob, bad.Error!.Location);
        Assert.True(summary.UndecodableValues >= 1);
    }

    [Fact]
    public async Task AdminCount_is_read()
    {
        var admin = await ou.CreateUserAsync("protected");
        await ou.AddEntraKeyAsync(admin);
        await ou.Objects.SetAdminCountAsync(admin.DistinguishedName, 1);

        var (_, scan) = await ScanCollector.ScanAsync(ou.Options());

        Assert.Equal(1, scan.User(admin).AdminCount);
    }

    [Fact]
    public async Task Known_key_holder_without_readable_values_is_a_permission_smell()
    {
        var dave = await ou.CreateUserAsync("dave");
        var ghost = Guid.NewGuid();

        var (summary, _) = await ScanCollector.ScanAsync(
            ou.Options(), new KeyScanRequest { KnownKeyHolders = [dave.ObjectGuid, ghost] });

        var smell = Assert.Single(summary.Smells);
        Assert.Equal(dave.ObjectGuid, smell.ObjectGuid);
        Assert.Equal(dave.DistinguishedName, smell.DistinguishedName, ignoreCase: true);
        Assert.Equal(1, summary.SmellCount);
    }

    [Fact]
    public async Task Cursor_is_the_dc_high_water_mark_at_scan_start()
    {
        using var scanner = new KeyCredentialScanner(ou.Options());
        var before = await scanner.ReadServerStateAsync();

        var summary = await scanner.ScanAsync(new KeyScanRequest(), (_, _) => ValueTask.CompletedTask);

        Assert.Equal(before.DsServiceName, summary.Cursor.DsServiceName);
        Assert.StartsWith("CN=NTDS Settings,", summary.Cursor.DsServiceName, StringComparison.Ordinal);
        Assert.NotNull(summary.Cursor.InvocationId);
        Assert.True(summary.Cursor.HighestCommittedUsn >= before.HighestCommittedUsn);
        Assert.Equal("no cursor yet", summary.FullScanReason);
    }
}
