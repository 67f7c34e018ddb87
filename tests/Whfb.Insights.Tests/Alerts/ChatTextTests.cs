using Whfb.Insights.Alerts;
using Xunit;

namespace Whfb.Insights.Tests.Alerts;

public sealed class ChatTextTests
{
    [Fact]
    public void A_device_controlled_link_or_mention_stays_text_in_slack()
    {
        Assert.Equal("PC &lt;!channel&gt; &amp; &lt;https://evil|click&gt;", ChatText.Slack("PC <!channel> & <https://evil|click>"));
    }

    [Fact]
    public void A_device_controlled_markdown_link_stays_text_in_teams()
    {
        Assert.Equal(@"\[click\]\(https://evil\) \*bold\* &lt;b&gt; C:\\x", ChatText.Teams("[click](https://evil) *bold* <b> C:\\x"));
    }

    [Fact]
    public void Teams_and_slack_payloads_carry_the_escaped_text()
    {
        var delivery = new DueDelivery(Guid.NewGuid(), "opened", 0, Guid.NewGuid(), Guid.NewGuid(), "gpo-conflict", "GPO conflict",
            "[x](https://evil) <!here>", null, DateTimeOffset.UnixEpoch, null, Guid.NewGuid(), "hook", "https://h", "dp1:x", "teams");

        var teams = System.Text.Json.Nodes.JsonNode.Parse(AlertPayloads.Build(delivery))!;
        var slack = System.Text.Json.Nodes.JsonNode.Parse(AlertPayloads.Build(delivery with { Format = "slack" }))!;

        Assert.Equal(@"\[x\]\(https://evil\) &lt;!here&gt;", teams["text"]!.GetValue<string>());
        Assert.Equal("[x](https://evil) &lt;!here&gt;", slack["attachments"]![0]!["text"]!.GetValue<string>());
    }
}
