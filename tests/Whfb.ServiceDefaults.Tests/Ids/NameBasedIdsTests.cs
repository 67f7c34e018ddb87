using Whfb.Contracts.Ids;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Ids;

/// <summary>
/// Pins each deterministic-id scheme to fixed outputs. Stored rows and message ids were derived with these schemes;
/// a failure here means ids already in databases and queues would no longer match.
/// </summary>
public sealed class NameBasedIdsTests
{
    private static readonly Guid PlatformNamespace = new("3b0f6c52-7d8e-4a19-9c45-e1f2a6b7d803");

    [Theory]
    [InlineData("event|11111111-2222-3333-4444-555555555555|aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee|microsoft-windows-user device registration/admin|4711", "9ce52f08-e76b-56c1-a389-6c8da5f0ce58")]
    [InlineData("report|dsregcmd|11111111-2222-3333-4444-555555555555|aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee|638000000000000000", "1a4f3ced-c319-51a3-92ad-4ad4f5f041b0")]
    [InlineData("Grüße ✓", "e6f1ecf2-caa9-5f2c-abe9-6b6918cac79f")]
    public void Sha1_uuid_v5_is_pinned(string name, string expected) =>
        Assert.Equal(Guid.Parse(expected), NameBasedIds.Sha1UuidV5(PlatformNamespace, name));

    [Fact]
    public void Sha1_uuid_v5_of_a_long_name_is_pinned() =>
        Assert.Equal(Guid.Parse("4afc213e-6a14-5a1f-aba2-c556f3e9fbf5"), NameBasedIds.Sha1UuidV5(PlatformNamespace, new string('x', 600)));

    [Theory]
    [InlineData("key-stuck|aaaaaaaabbbbccccddddeeeeeeeeeeee|638000000000000000", "6452d824-a609-52e0-b254-a9b17877ec9c")]
    [InlineData("graph-permission-missing|UserAuthenticationMethod.Read.All|11111111222233334444555555555555|0", "f6c7e6b8-d984-5802-8710-f862db285736")]
    [InlineData("Grüße ✓", "087c35de-16ad-5007-8520-5d66394e4a98")]
    public void Sha256_uuid_is_pinned(string name, string expected) =>
        Assert.Equal(Guid.Parse(expected), NameBasedIds.Sha256Uuid(name));

    [Theory]
    [InlineData("ad:AbCd==", "cca3a38c-ea4c-7c25-854d-7b1ca32ec481")]
    [InlineData("entra:0f1e2d3c", "e5bed59c-a342-85e5-0fbd-1cf9c35c5385")]
    [InlineData("intune:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "ab3cb5a6-c21f-c8d7-77c3-3cef641bb142")]
    [InlineData("Grüße ✓", "c460020b-3e95-10a3-613b-babcdabc23c4")]
    public void Md5_guid_is_pinned(string name, string expected) =>
        Assert.Equal(Guid.Parse(expected), NameBasedIds.Md5Guid(name));
}
