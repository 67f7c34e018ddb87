using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;
using Whfb.Directory.Tests.KeyCredentials;

namespace Whfb.Directory.Tests.Ldap;

public class KeyCredentialWriterTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    [Fact]
    public async Task Added_key_reads_back_byte_identical_and_decodes_as_entra_sourced()
    {
        var user = await ou.CreateUserAsync("writer1");
        var device = Guid.NewGuid();
        var blob = KeyCredentialBuilder.Build(TestKeys.EntraSpec(device, DateTimeOffset.UtcNow));

        Assert.True(await ou.Keys.AddKeyAsync(user.DistinguishedName, blob));

        var value = Assert.Single(await ou.Keys.ReadValuesAsync(user.DistinguishedName));
        var key = KeyCredentialDecoder.DecodeDnBinary(value);
        Assert.Equal(blob, KeyCredentialEncoder.Encode(key));
        Assert.Equal(KeySource.AzureAD, key.Source);
        Assert.Equal(device, key.DeviceId);
    }

    [Fact]
    public async Task Adding_twice_and_removing_twice_are_idempotent()
    {
        var user = await ou.CreateUserAsync("writer2");
        var value = KeyCredentialBuilder.BuildDnBinary(TestKeys.EntraSpec(Guid.NewGuid(), DateTimeOffset.UtcNow), user.DistinguishedName);

        Assert.True(await ou.Keys.AddValueAsync(user.DistinguishedName, value));
        Assert.False(await ou.Keys.AddValueAsync(user.DistinguishedName, value));
        Assert.True(await ou.Keys.RemoveValueAsync(user.DistinguishedName, value));
        Assert.False(await ou.Keys.RemoveValueAsync(user.DistinguishedName, value));
        Assert.Empty(await ou.Keys.ReadValuesAsync(user.DistinguishedName));
    }

    [Fact]
    public async Task Removing_one_of_two_values_keeps_the_other()
    {
        var user = await ou.CreateUserAsync("writer3");
        var first = await ou.AddEntraKeyAsync(user);
        var second = await ou.AddEntraKeyAsync(user);

        Assert.True(await ou.Keys.RemoveValueAsync(user.DistinguishedName, first));

        Assert.Equal([second], await ou.Keys.ReadValuesAsync(user.DistinguishedName));
    }

    [Fact]
    public async Task Created_user_has_a_readable_objectGUID_and_sid()
    {
        var user = await ou.CreateUserAsync("writer4");

        Assert.NotEqual(Guid.Empty, user.ObjectGuid);
        Assert.StartsWith("S-1-5-21-", user.ObjectSid, StringComparison.Ordinal);
        Assert.Equal($"CN=writer4,{ou.OuDn}", user.DistinguishedName);
    }

    [Fact]
    public async Task Writing_to_a_missing_user_is_a_typed_error()
    {
        var missing = $"CN=nobody,{ou.OuDn}";

        var ex = await Assert.ThrowsAsync<DirectoryAccessException>(
            () => ou.Keys.AddValueAsync(missing, $"B:2:00:{missing}"));

        Assert.NotNull(ex.ResultCode);
    }
}
