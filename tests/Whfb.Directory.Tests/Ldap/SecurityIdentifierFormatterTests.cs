using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

public class SecurityIdentifierFormatterTests
{
    [Fact]
    public void Domain_user_sid_is_formatted()
    {
        byte[] sid =
        [
            1, 5, 0, 0, 0, 0, 0, 5,
            21, 0, 0, 0, 0x15, 0xCD, 0x5B, 0x07, 0xA3, 0xB1, 0x2C, 0x1F, 0x8E, 0x2D, 0x4A, 0x5C, 0x51, 0x04, 0x00, 0x00,
        ];

        Assert.Equal("S-1-5-21-123456789-523022755-1548365198-1105", SecurityIdentifierFormatter.Format(sid));
    }

    [Fact]
    public void Well_known_sid_without_domain_is_formatted()
    {
        Assert.Equal("S-1-5-18", SecurityIdentifierFormatter.Format([1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0, 0, 5 })]
    [InlineData(new byte[] { 1, 2, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0 })]
    public void Malformed_sid_is_null(byte[] sid)
    {
        Assert.Null(SecurityIdentifierFormatter.Format(sid));
    }
}
