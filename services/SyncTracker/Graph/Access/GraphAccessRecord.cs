using Whfb.GraphClient.Access;

namespace Whfb.SyncTracker.Graph.Access;

/// <summary>
/// An open "Graph refuses this feature" episode, kept in the database so that a restart resumes it: it is neither
/// announced a second time nor left unresolved when a later probe succeeds.
/// </summary>
public sealed class GraphAccessRecord
{
    public Guid TenantId { get; set; }

    /// <summary>The feature's name (<see cref="GraphFeature.Name"/>).</summary>
    public string Feature { get; set; } = "";

    public DenialKind Kind { get; set; }

    public string Code { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTimeOffset Since { get; set; }
}
