namespace Whfb.SyncTracker.Domain;

/// <summary>What the engine changed since the last <see cref="TenantSyncEngine.TakeChanges"/>: rows to save, rows to delete, events to send.</summary>
public sealed class SyncChanges
{
    public HashSet<TrackedKey> Keys { get; } = [];
    public HashSet<TrackedKey> DeletedKeys { get; } = [];
    public HashSet<EntraUser> EntraUsers { get; } = [];
    public HashSet<AdUser> AdUsers { get; } = [];
    public HashSet<AdLookup> AdLookups { get; } = [];
    public bool PipelineChanged { get; set; }
    public bool DirectoryChanged { get; set; }
    public List<object> Events { get; } = [];

    public bool IsEmpty =>
        Keys.Count == 0 && DeletedKeys.Count == 0 && EntraUsers.Count == 0 && AdUsers.Count == 0 && AdLookups.Count == 0 && !PipelineChanged && !DirectoryChanged
        && Events.Count == 0;
}
