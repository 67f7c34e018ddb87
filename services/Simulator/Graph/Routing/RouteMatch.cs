namespace Whfb.Simulator.Graph.Routing;

/// <summary>The matched route and its values, or the Graph error to answer.</summary>
public sealed record RouteMatch(GraphRoute? Route, Dictionary<string, string>? Values, GraphResponse? Failure);
