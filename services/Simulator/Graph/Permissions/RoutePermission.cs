namespace Whfb.Simulator.Graph.Permissions;

/// <summary>
/// The application permissions any one of which admits a route (least privileged first), how its 403 reads, and the
/// Microsoft Learn page the list comes from. An empty list means app-only tokens are not supported on that route.
/// </summary>
public sealed record RoutePermission(IReadOnlyList<string> AnyOf, DeniedStyle Style, string Source)
{
    public static RoutePermission Unchecked { get; } = new([], DeniedStyle.None, "https://learn.microsoft.com/graph/json-batching");

    public bool Admits(IReadOnlySet<string> roles) => Style == DeniedStyle.None || AnyOf.Any(roles.Contains);
}
