namespace Whfb.Simulator.Graph.Routing;

/// <summary>A group of Graph routes (users, groups, Intune...) registered into the route table.</summary>
public interface IGraphApi
{
    void Map(GraphRouteTable routes);
}
