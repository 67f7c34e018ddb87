using Whfb.Simulator.Graph.Permissions;

namespace Whfb.Simulator.Graph.Routing;

/// <summary>
/// A method + path template ("users/{id}/memberOf") and its handler; Bucket selects the throttle budget, Permission
/// the application permissions that admit it (looked up when the route is added, so a route without one fails the start).
/// </summary>
public sealed record GraphRoute(string Method, string Template, Func<GraphRequest, GraphResponse> Handler, ThrottleBucket Bucket)
{
    private readonly string[] _segments = Template.Split('/');

    public RoutePermission Permission { get; } = RoutePermissions.For(Method, Template);

    public int LiteralCount => _segments.Count(s => !IsParameter(s));

    /// <summary>The placeholder values when the path matches, otherwise null.</summary>
    public Dictionary<string, string>? Match(string[] path)
    {
        if (path.Length != _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < path.Length; i++)
        {
            if (IsParameter(_segments[i]))
            {
                values[_segments[i][1..^1]] = Uri.UnescapeDataString(path[i]);
            }
            else if (!string.Equals(_segments[i], path[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>How many leading path segments this template accepts (for "Resource not found for the segment").</summary>
    public int MatchingPrefix(string[] path)
    {
        var i = 0;
        while (i < path.Length && i < _segments.Length
            && (IsParameter(_segments[i]) || string.Equals(_segments[i], path[i], StringComparison.OrdinalIgnoreCase)))
        {
            i++;
        }

        return i;
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
