using System.Text.Json;
using System.Text.RegularExpressions;

namespace Whfb.ServiceDefaults.Tests.Observability;

/// <summary>The metric names that the Prometheus rules and the Grafana dashboards of deploy/observability query.</summary>
public static partial class QueriedMetrics
{
    private static readonly HashSet<string> Keywords =
        ["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan"];

    /// <summary>The PromQL expressions of a rule file: every <c>expr:</c>, inline or as a block scalar.</summary>
    public static IEnumerable<string> RuleExpressions(string ruleFile)
    {
        var lines = File.ReadAllLines(ruleFile);
        for (var i = 0; i < lines.Length; i++)
        {
            if (ExprKey().Match(lines[i]) is not { Success: true } key)
            {
                continue;
            }

            var value = key.Groups["value"].Value.Trim();
            if (!value.StartsWith('|') && !value.StartsWith('>'))
            {
                yield return value;
                continue;
            }

            var indent = key.Groups["indent"].Value.Length;
            var block = lines.Skip(i + 1).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent).ToList();
            yield return string.Join(' ', block.Select(l => l.Trim()));
        }
    }

    /// <summary>The PromQL of a dashboard: every "expr" of its panels and the queries of its template variables.</summary>
    public static IEnumerable<string> DashboardExpressions(string dashboardFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(dashboardFile));
        return Strings(document.RootElement, null).ToList();

        static IEnumerable<string> Strings(JsonElement element, string? property) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value, p.Name)),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Strings(e, property)),
            JsonValueKind.String when property is "expr" || (property is "query" && element.GetString()!.Contains('(')) => [element.GetString()!],
            _ => [],
        };
    }

    /// <summary>The metric names of one PromQL expression (Grafana's label_values(metric, label) included).</summary>
    public static IEnumerable<string> MetricNames(string expression)
    {
        var rest = StringLiteral().Replace(expression, "\"\"");
        rest = LabelValues().Replace(rest, "$1");
        rest = Matchers().Replace(rest, "");
        rest = Ranges().Replace(rest, "");
        rest = LabelLists().Replace(rest, "");
        foreach (Match identifier in Identifier().Matches(rest))
        {
            var after = rest[(identifier.Index + identifier.Length)..].TrimStart();
            if (!after.StartsWith('(') && !Keywords.Contains(identifier.Value))
            {
                yield return identifier.Value;
            }
        }
    }

    [GeneratedRegex(@"^(?<indent>\s*)(?:-\s+)?expr:\s*(?<value>.*)$")]
    private static partial Regex ExprKey();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"label_values\(\s*([a-zA-Z_:][\w:]*)\s*,[^)]*\)")]
    private static partial Regex LabelValues();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex LabelLists();

    [GeneratedRegex(@"(?<![\w:$.])[a-zA-Z_:][\w:]*")]
    private static partial Regex Identifier();
}
