using System.Text;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Alert texts quote what devices report (device names, UPNs), so in chat payloads they are escaped: a device named
/// <c>[click](https://evil)</c> or <c>&lt;!channel&gt;</c> shows as text instead of a link or a mention.
/// </summary>
public static class ChatText
{
    /// <summary>Slack mrkdwn: &amp;, &lt; and &gt; are the control characters (links, mentions).</summary>
    public static string Slack(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Teams MessageCard markdown (and its few HTML tags): markdown characters backslash-escaped, angle brackets as entities.</summary>
    public static string Teams(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '~' or '|' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
