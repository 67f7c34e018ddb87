using System.Text;

namespace Whfb.Insights.History;

/// <summary>
/// NUL is the one character PostgreSQL text and jsonb cannot hold: one such value in a batch fails the whole COPY, the
/// other tenants' rows with it. Ingest refuses it; this replaces any that still reach the history (an older Ingest, a
/// producer that does not check) with U+FFFD, so the row is stored and marked rather than blocking its batch.
/// </summary>
public static class StorableText
{
    private const string NulEscape = "\\u0000";

    public static string? Scrub(string? text) => text is null || !text.Contains('\0') ? text : text.Replace('\0', '\uFFFD');

    /// <summary>
    /// JSON with every <c>\u0000</c> escape replaced by <c>\uFFFD</c>. Outside strings JSON has no backslash, and inside
    /// one every backslash starts an escape, so walking escape by escape never mistakes an escaped backslash followed by
    /// "u0000" for a NUL.
    /// </summary>
    public static string ScrubJson(string json)
    {
        if (!json.Contains(NulEscape, StringComparison.Ordinal))
            return json;
        var scrubbed = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                scrubbed.Append(json[i]);
                continue;
            }

            var isNul = string.CompareOrdinal(json, i, NulEscape, 0, NulEscape.Length) == 0;
            scrubbed.Append(isNul ? "\\uFFFD" : json.AsSpan(i, 2));
            i += isNul ? NulEscape.Length - 1 : 1;
        }

        return scrubbed.ToString();
    }
}
