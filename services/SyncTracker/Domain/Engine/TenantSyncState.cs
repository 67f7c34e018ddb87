namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// One tenant's sync state as data: its keys, users, pipeline and directory rows, and the changes collected since the
/// last save. Every collaborator of <see cref="TenantSyncEngine"/> reads and writes this one object, so what the engine
/// knows lives in one place and the collaborators hold behaviour only.
/// </summary>
internal sealed class TenantSyncState(Guid tenantId, SyncThresholds thresholds, TimeProvider time)
{
    public Guid TenantId { get; } = tenantId;

    public SyncThresholds Thresholds { get; } = thresholds;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The tenant's keys are listed by Graph (see <see cref="TenantSyncEngine.ConfirmsWithGraph"/>).</summary>
    public bool ConfirmsWithGraph { get; set; }

    public KeyIndex Keys { get; } = new();

    public UserDirectory Users { get; } = new();

    public PipelineState Pipeline { get; set; } = new() { TenantId = tenantId };

    public DirectoryState Directory { get; set; } = new() { TenantId = tenantId };

    /// <summary>The export's frontier and throughput, as keys reach AD (rebuilt from the keys on load).</summary>
    public BacklogMonitor Backlog { get; } = new(thresholds);

    public SyncChanges Changes { get; private set; } = new();

    /// <summary>The changes since the last call; collecting starts anew.</summary>
    public SyncChanges TakeChanges()
    {
        var changes = Changes;
        Changes = new SyncChanges();
        return changes;
    }

    public EntraUser? EntraUserOf(TrackedKey key) => key.EntraUserId is { } id ? Users.Entra(id) : null;

    /// <summary>
    /// A tracked key still waiting for AD (awaiting or stuck) registered more than one sync cycle ago: what makes both a
    /// device lookup and a lookup of its user by anchor worth their request (a key synced on time never gets here).
    /// </summary>
    public bool WaitedPastCycle(TrackedKey? key) =>
        key is not null && key.State.IsWaiting() && Now - key.CreatedInEntraAt > Thresholds.Cycle;

    /// <summary>The key's row goes (it was merged into another key); a row never saved is simply not written.</summary>
    public void Drop(TrackedKey key)
    {
        Keys.Remove(key);
        Changes.Keys.Remove(key);
        if (key.Version != 0)
        {
            Changes.DeletedKeys.Add(key);
        }
    }
}
