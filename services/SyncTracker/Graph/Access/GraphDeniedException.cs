using Whfb.GraphClient.Access;

namespace Whfb.SyncTracker.Graph.Access;

/// <summary>Graph refused a request for a missing permission or licence: the feature stops until a probe succeeds, nothing is retried.</summary>
public sealed class GraphDeniedException(GraphDenial denial, Exception? inner = null)
    : Exception($"Graph refused the request: {denial}", inner)
{
    public GraphDenial Denial { get; } = denial;
}
