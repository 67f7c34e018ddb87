using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>Users read directly by objectGUID or objectSid on the real Samba AD.</summary>
public class UserLookupTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    [Fact]
    public async Task A_user_is_found_by_its_GUID_and_by_its_SID_with_its_adminCount_and_keys()
    {
        var admin = await ou.CreateUserAsync("lk-admin");
        await ou.Objects.SetAdminCountAsync(admin.DistinguishedName, 1);
        var value = await ou.AddEntraKeyAsync(admin);
        using var scanner = new KeyCredentialScanner(ou.Options());

        var byGuid = await scanner.LookUpUsersAsync([new UserAnchor(admin.ObjectGuid, null)], 10);
        var bySid = await scanner.LookUpUsersAsync([new UserAnchor(null, admin.ObjectSid)], 10);

        foreach (var result in new[] { byGuid, bySid })
        {
            var user = Assert.Single(result.Found);
            Assert.Equal((admin.ObjectGuid, admin.ObjectSid, 1), (user.ObjectGuid, user.ObjectSid, user.AdminCount));
            Assert.Equal(admin.DistinguishedName, user.DistinguishedName, ignoreCase: true);
            Assert.Equal("lk-admin@whfb.test", user.UserPrincipalName);
            Assert.Equal(value, Assert.Single(user.Values).Raw);
            Assert.True(user.Values[0].IsDecoded);
            Assert.Empty(result.Absent);
            Assert.Empty(result.NotLookedUp);
        }
    }

    [Fact]
    public async Task Anchors_no_user_answers_to_are_reported_absent_and_a_user_without_keys_or_adminCount_is_found_as_such()
    {
        var plain = await ou.CreateUserAsync("lk-plain");
        var missingGuid = new UserAnchor(Guid.NewGuid(), null);
        var missingSid = new UserAnchor(null, OtherRid(plain.ObjectSid!));
        using var scanner = new KeyCredentialScanner(ou.Options());

        var result = await scanner.LookUpUsersAsync([missingGuid, new UserAnchor(plain.ObjectGuid, null), missingSid], 10);

        var user = Assert.Single(result.Found);
        Assert.Equal((plain.ObjectGuid, null, 0), (user.ObjectGuid, user.AdminCount, user.Values.Count));
        Assert.Equal([missingGuid, missingSid], result.Absent);
    }

    [Fact]
    public async Task An_unknown_GUID_falls_back_to_the_SID()
    {
        var moved = await ou.CreateUserAsync("lk-moved");
        using var scanner = new KeyCredentialScanner(ou.Options());

        // onPremisesImmutableId from ms-DS-ConsistencyGuid after a migration: not this forest's objectGUID, the SID still is.
        var result = await scanner.LookUpUsersAsync([new UserAnchor(Guid.NewGuid(), moved.ObjectSid)], 10);

        Assert.Equal(moved.ObjectGuid, Assert.Single(result.Found).ObjectGuid);
        Assert.Empty(result.Absent);
    }

    [Fact]
    public async Task At_most_the_given_number_of_anchors_is_looked_up()
    {
        var users = new[] { await ou.CreateUserAsync("lk-b1"), await ou.CreateUserAsync("lk-b2"), await ou.CreateUserAsync("lk-b3") };
        var anchors = users.Select(u => new UserAnchor(u.ObjectGuid, null)).ToArray();
        using var scanner = new KeyCredentialScanner(ou.Options());

        var result = await scanner.LookUpUsersAsync(anchors, 2);

        Assert.Equal(users[..2].Select(u => u.ObjectGuid), result.Found.Select(u => u.ObjectGuid));
        Assert.Equal([anchors[2]], result.NotLookedUp);
        Assert.Empty(result.Absent);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("S-1-5-21-1>,CN=Users")]
    [InlineData("S-1-5")]
    public void A_malformed_SID_is_refused_before_it_can_become_part_of_a_DN(string sid)
    {
        Assert.False(UserAnchor.IsSid(sid));
        Assert.Throws<ArgumentException>(() => new UserAnchor(Guid.NewGuid(), sid));
    }

    [Fact]
    public void An_anchor_needs_a_GUID_or_a_SID() =>
        Assert.Throws<ArgumentException>(() => new UserAnchor(null, null));

    /// <summary>The same domain SID with a RID no account has.</summary>
    private static string OtherRid(string sid) => $"{sid[..sid.LastIndexOf('-')]}-999999999";
}
