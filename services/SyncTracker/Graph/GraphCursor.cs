namespace Whfb.SyncTracker.Graph;

/// <summary>Where a Graph round stopped, per tenant: the users delta's @odata.deltaLink (or the nextLink of a round cut short).</summary>
public sealed class GraphCursor
{
    public const string UsersDelta = "users-delta";

    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
