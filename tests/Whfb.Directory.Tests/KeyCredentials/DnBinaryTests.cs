using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Tests.KeyCredentials;

public class DnBinaryTests
{
    private const string Owner = "CN=Alice,OU=Users,DC=whfb,DC=test";

    [Fact]
    public void Format_then_parse_returns_bytes_and_owner()
    {
        var text = DnBinary.Format(new byte[] { 0x00, 0x02, 0xAB }, Owner);

        Assert.Equal("B:6:0002AB:" + Owner, text);
        var parsed = DnBinary.Parse(text);
        Assert.Equal(new byte[] { 0x00, 0x02, 0xAB }, parsed.Binary.ToArray());
        Assert.Equal(Owner, parsed.OwnerDn);
    }

    [Fact]
    public void Lower_case_hex_is_accepted()
    {
        Assert.Equal(new byte[] { 0xAB, 0xCD }, DnBinary.Parse("B:4:abcd:" + Owner).Binary.ToArray());
    }

    [Fact]
    public void Owner_dn_may_contain_colons()
    {
        Assert.Equal("CN=a:b,DC=x", DnBinary.Parse("B:2:FF:CN=a:b,DC=x").OwnerDn);
    }

    [Theory]
    [InlineData("B:8:0002AB:" + Owner, 2, "does not match")]
    [InlineData("B:4:0002AB:" + Owner, 2, "does not match")]
    [InlineData("B:5:0002A:" + Owner, 2, "odd")]
    [InlineData("B:4:00ZZ:" + Owner, 6, "hexadecimal")]
    [InlineData("B:99999999999:00:" + Owner, 2, "small decimal")]
    [InlineData("B:-2:00:" + Owner, 2, "small decimal")]
    [InlineData("X:2:00:" + Owner, 0, "start with")]
    [InlineData("B:2:00", 4, "Missing ':'")]
    [InlineData("B:2:00:", 7, "Owner DN is empty")]
    [InlineData("", 0, "Empty")]
    public void Malformed_text_reports_the_character_offset(string text, int offset, string reason)
    {
        var ex = Assert.Throws<KeyCredentialFormatException>(() => DnBinary.Parse(text));

        Assert.Equal(offset, ex.Offset);
        Assert.Equal(FormatErrorLocation.Text, ex.Location);
        Assert.Contains(reason, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryParse_of_null_fails_without_throwing()
    {
        Assert.False(DnBinary.TryParse(null, out _, out var error));
        Assert.Equal(0, error.Offset);
    }
}
