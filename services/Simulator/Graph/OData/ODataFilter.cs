using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.OData;

/// <summary>
/// The $filter subset our clients send: <c>prop eq 'v'</c> (also true/false), <c>startswith(prop,'v')</c>,
/// <c>prop/any(m:m eq 'v')</c>, <c>prop has 'flag'</c> (Intune's flag enums, e.g. <c>applicability/platform has 'windows10'</c>),
/// joined with <c>and</c>; a property may be a path into a complex value (<c>a/b</c>). Anything else is 400 like Graph's
/// unsupported queries.
/// </summary>
public static partial class ODataFilter
{
    public static Func<JsonObject, bool> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return _ => true;
        }

        var clauses = AndSplitter().Split(filter.Trim()).Select(ParseClause).ToList();
        return item => clauses.TrueForAll(clause => clause(item));
    }

    private static Func<JsonObject, bool> ParseClause(string clause)
    {
        if (Equality().Match(clause) is { Success: true } eq)
        {
            var (name, literal) = (eq.Groups["name"].Value, eq.Groups["value"].Value);
            return item => Matches(Property(item, name), literal);
        }

        if (StartsWith().Match(clause) is { Success: true } sw)
        {
            var (name, prefix) = (sw.Groups["name"].Value, Unquote(sw.Groups["value"].Value));
            return item => Property(item, name)?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && Property(item, name)!.GetValue<string>().StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }

        if (Has().Match(clause) is { Success: true } has)
        {
            var (name, flag) = (has.Groups["name"].Value, Unquote(has.Groups["value"].Value));
            return item => Property(item, name)?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && Property(item, name)!.GetValue<string>().Split(',', StringSplitOptions.TrimEntries).Contains(flag, StringComparer.OrdinalIgnoreCase);
        }

        if (Any().Match(clause) is { Success: true } any)
        {
            var (name, literal) = (any.Groups["name"].Value, any.Groups["value"].Value);
            return item => Property(item, name) is JsonArray array && array.Any(element => Matches(element, literal));
        }

        throw new GraphQueryException($"Unsupported or invalid query filter clause specified: '{clause}'.", "Request_UnsupportedQuery");
    }

    private static bool Matches(JsonNode? node, string literal) => node?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => string.Equals(node.GetValue<string>(), Unquote(literal), StringComparison.OrdinalIgnoreCase),
        System.Text.Json.JsonValueKind.True => literal == "true",
        System.Text.Json.JsonValueKind.False => literal == "false",
        System.Text.Json.JsonValueKind.Null or null => literal == "null",
        _ => string.Equals(node.ToJsonString(), literal, StringComparison.Ordinal),
    };

    /// <summary>The value at a property path (<c>applicability/platform</c>), null where any step is missing.</summary>
    private static JsonNode? Property(JsonObject item, string path)
    {
        JsonNode? node = item;
        foreach (var name in path.Split('/'))
        {
            node = node is JsonObject current ? current.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value : null;
        }

        return node;
    }

    private static string Unquote(string literal) =>
        literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'' ? literal[1..^1].Replace("''", "'", StringComparison.Ordinal) : literal;

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplitter();

    [GeneratedRegex(@"^(?<name>[A-Za-z][\w/]*)\s+eq\s+(?<value>'(?:[^']|'')*'|true|false|null|-?\d+)$")]
    private static partial Regex Equality();

    [GeneratedRegex(@"^startswith\(\s*(?<name>[A-Za-z]\w*)\s*,\s*(?<value>'(?:[^']|'')*')\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWith();

    [GeneratedRegex(@"^(?<name>[A-Za-z][\w/]*)\s+has\s+(?<value>'(?:[^']|'')*')$")]
    private static partial Regex Has();

    [GeneratedRegex(@"^(?<name>[A-Za-z]\w*)/any\(\s*(?<v>\w+)\s*:\s*\k<v>\s+eq\s+(?<value>'(?:[^']|'')*')\s*\)$")]
    private static partial Regex Any();
}
