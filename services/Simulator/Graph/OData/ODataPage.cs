using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.OData;

/// <summary>
/// A collection answer: $filter, then one page of $top items (default <paramref name="pageSize"/>) from the
/// $skiptoken offset, $select applied, and an @odata.nextLink that repeats the query with the next token.
/// </summary>
public static class ODataPage
{
    public const int MaxTop = 999;

    public static GraphResponse Respond(GraphRequest request, string context, IEnumerable<JsonObject> items, int pageSize = 100)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filtered = items.Where(ODataFilter.Parse(request.QueryValue("$filter"))).ToList();
        var top = Top(request, pageSize);
        var offset = SkipToken.Decode(request.QueryValue("$skiptoken"));
        var body = new JsonObject { ["@odata.context"] = request.Context(context) };
        if (offset + top < filtered.Count)
        {
            body["@odata.nextLink"] = NextLink(request, offset + top);
        }

        body["value"] = new JsonArray(filtered.Skip(offset).Take(top)
            .Select(item => (JsonNode)ODataSelect.Apply(item, request.QueryValue("$select")).DeepClone()).ToArray());
        return GraphResponse.Ok(body);
    }

    public static int Top(GraphRequest request, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.QueryValue("$top") is not { } text)
        {
            return pageSize;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top is > 0 and <= MaxTop
            ? top
            : throw new GraphQueryException($"Invalid page size specified: '{text}'. Must be between 1 and {MaxTop} inclusive.", "Request_BadRequest");
    }

    public static string NextLink(GraphRequest request, int offset, string skipTokenName = "$skiptoken") =>
        Link(request, new Dictionary<string, string>(request.Query, StringComparer.Ordinal) { [skipTokenName] = SkipToken.Encode(offset) });

    public static string Link(GraphRequest request, IReadOnlyDictionary<string, string> query)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(query);
        var text = new StringBuilder($"{request.VersionRoot}/{request.Path}");
        var separator = '?';
        foreach (var (name, value) in query)
        {
            text.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return text.ToString();
    }
}
