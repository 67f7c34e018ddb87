using Whfb.Directory.Ldap.Inspection;

namespace Whfb.Directory.Tests.Ldap.Inspection;

/// <summary>Self-relative security descriptors as nTSecurityDescriptor holds them.</summary>
public class DaclReaderTests
{
    // O:DAG:DAD:(OD;;RP;5b47d60f-6090-40b2-9f37-2a4de88f3063;;S-1-5-21-1-2-3-1105)(A;CIIO;RP;;;AU)(OA;ID;RP;59ba2f42-79a2-11d0-9020-00c04fc2d3cf;;AU)
    private const string Descriptor =
        "010004800000000000000000000000001400000004007c00030000000600380010000000010000000fd6475b9060b240" +
        "9f372a4de88f306301050000000000051500000001000000020000000300000051040000000a14001000000001010000" +
        "000000050b000000051028001000000001000000422fba59a279d011902000c04fc2d3cf01010000000000050b000000";

    [Fact]
    public void Reads_object_and_plain_aces_in_order_with_their_flags()
    {
        var dacl = DaclReader.Read(Convert.FromHexString(Descriptor));

        Assert.True(dacl.Present);
        Assert.Collection(dacl.Entries,
            e => Assert.Equal(new AccessControlEntry(true, "S-1-5-21-1-2-3-1105", 0x10, Guid.Parse("5b47d60f-6090-40b2-9f37-2a4de88f3063"), false, false), e),
            e => Assert.Equal(new AccessControlEntry(false, "S-1-5-11", 0x10, null, true, false), e),
            e => Assert.Equal(new AccessControlEntry(false, "S-1-5-11", 0x10, Guid.Parse("59ba2f42-79a2-11d0-9020-00c04fc2d3cf"), false, true), e));
    }

    [Fact]
    public void No_dacl_present_is_a_null_dacl() =>
        Assert.False(DaclReader.Read(Convert.FromHexString("0100008000000000000000000000000000000000")).Present);

    [Fact]
    public void A_truncated_descriptor_is_a_format_error() =>
        Assert.Throws<FormatException>(() => DaclReader.Read(Convert.FromHexString(Descriptor)[..60]));
}
