namespace Whfb.Insights.Alerts;

/// <summary>Alerts folded into a parent (key-stuck rows of a stalled pipeline): the parent's resolve summary.</summary>
internal static class FoldedAlerts
{
    /// <summary>
    /// SQL expression, for an alert <c>a</c>: ". N keys went stuck during the stall; R have reached AD, W still waiting."
    /// (to follow its resolution text), counted from its folded rows when it is evaluated; null when nothing was folded into it.
    /// </summary>
    public const string Summary = """
        (SELECT format('. %s during the stall; %s reached AD, %s still waiting.',
                    to_char(count(*), 'FM999,999,999,990') || CASE WHEN count(*) = 1 THEN ' key went stuck' ELSE ' keys went stuck' END,
                    to_char(count(*) FILTER (WHERE c.resolved_at IS NOT NULL), 'FM999,999,999,990')
                        || CASE WHEN count(*) FILTER (WHERE c.resolved_at IS NOT NULL) = 1 THEN ' has' ELSE ' have' END,
                    to_char(count(*) FILTER (WHERE c.resolved_at IS NULL), 'FM999,999,999,990'))
         FROM alerts c WHERE c.folded_into = a.id HAVING count(*) > 0)
        """;
}
