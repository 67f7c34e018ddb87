namespace Whfb.Simulator.Graph.Routing;

/// <summary>The Graph routes the emulator serves (the same for v1.0 and beta), matched most-literal first.</summary>
public sealed class GraphRouteTable
{
    private readonly List<GraphRoute> _routes = [];

    public GraphRouteTable Get(string template, Func<GraphRequest, GraphResponse> handler, ThrottleBucket bucket = ThrottleBucket.Default) =>
        Add("GET", template, handler, bucket);

    public GraphRouteTable Post(string template, Func<GraphRequest, GraphResponse> handler) => Add("POST", template, handler);

    public GraphRouteTable Patch(string template, Func<GraphRequest, GraphResponse> handler) => Add("PATCH", template, handler);

    public GraphRouteTable Put(string template, Func<GraphRequest, GraphResponse> handler) => Add("PUT", template, handler);

    public GraphRouteTable Delete(string template, Func<GraphRequest, GraphResponse> handler) => Add("DELETE", template, handler);

    public GraphRouteTable Add(string method, string template, Func<GraphRequest, GraphResponse> handler, ThrottleBucket bucket = ThrottleBucket.Default)
    {
        _routes.Add(new GraphRoute(method, template, handler, bucket == ThrottleBucket.Default ? Throttling.IntuneLimits.BucketOf(method, template) : bucket));
        _routes.Sort((a, b) => b.LiteralCount.CompareTo(a.LiteralCount));
        return this;
    }

    public RouteMatch Match(string method, string path)
    {
        // Functions arrive with OData call syntax ("users/delta()").
        var segments = path.Trim('/').Split('/').Select(s => s.EndsWith("()", StringComparison.Ordinal) ? s[..^2] : s).ToArray();
        var pathMatched = false;
        foreach (var route in _routes)
        {
            if (route.Match(segments) is not { } values)
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return new RouteMatch(route, values, null);
            }

            pathMatched = true;
        }

        var failure = pathMatched
            ? GraphErrors.Response(405, "Request_BadRequest", $"Method '{method}' is not allowed on this resource.")
            : GraphResponse.BadRequest("BadRequest", $"Resource not found for the segment '{UnmatchedSegment(segments)}'.");
        return new RouteMatch(null, null, failure);
    }

    private string UnmatchedSegment(string[] segments)
    {
        var longest = _routes.Count == 0 ? 0 : _routes.Max(r => r.MatchingPrefix(segments));
        return segments[Math.Min(longest, segments.Length - 1)];
    }
}
