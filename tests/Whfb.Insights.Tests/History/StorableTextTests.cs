using Whfb.Insights.History;
using Xunit;

namespace Whfb.Insights.Tests.History;

public sealed class StorableTextTests
{
    [Theory]
    [InlineData("""{"a":"x\u0000y"}""", """{"a":"x\uFFFDy"}""")]
    [InlineData("""{"a":"\\u0000"}""", """{"a":"\\u0000"}""")]
    [InlineData("""{"a":"\\\u0000"}""", """{"a":"\\\uFFFD"}""")]
    [InlineData("""{"a":"\u00001"}""", """{"a":"\uFFFD1"}""")]
    [InlineData("""{"a":"plain"}""", """{"a":"plain"}""")]
    public void Only_real_NUL_escapes_are_replaced_never_an_escaped_backslash_before_u0000(string json, string expected)
    {
        Assert.Equal(expected, StorableText.ScrubJson(json));
    }

    [Fact]
    public void Text_keeps_everything_but_NUL()
    {
        Assert.Equal("a\uFFFDb\tc", StorableText.Scrub("a\0b\tc"));
        Assert.Null(StorableText.Scrub(null));
    }
}
